# nucla_xview3_v1to2_penn_recipe.py with sampling='interpolate': the whole
# sequence linearly resampled to 32 frames (InterpolateSampleFrames,
# deterministic in training, 10 spread phases at test) instead of one
# random frame per segment; +3 to +5 points for the 1D baseline.
_base_ = ['./nucla_xview3_v1to2_penn_recipe.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        dict(_base_.recipe, sampling='interpolate'),
        ann_file='data/nucla/nucla.pkl', num_classes=10, layout='kinect20',
        train_split='xview3_train_keep', test_split='xview3_train_hold'))
