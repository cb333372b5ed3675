# nucla_xview3_v1to2_penn_recipe.py + RandomViewAffine on the training
# clips' joints (its defaults: rotation ±15°, x scale 0.6-1.2, y scale
# 0.9-1.1, shear ±0.2: a stand-in for an unseen camera view).
_base_ = ['./nucla_xview3_v1to2_penn_recipe.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        dict(_base_.recipe, view_affine=dict()),  # RandomViewAffine defaults
        ann_file='data/nucla/nucla.pkl', num_classes=10, layout='kinect20',
        train_split='xview3_train_keep', test_split='xview3_train_hold'))
