# PoseConv3D keypoint recipe (custom_keypoint.py) on N-UCLA xview3 (2D
# Kinect-20 joints, make nucla-data): the example of docs/custom_dataset.md.
_base_ = ['./custom_keypoint.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        _base_.recipe, ann_file='data/nucla/nucla.pkl', num_classes=10,
        layout='kinect20', train_split='xview3_train',
        test_split='xview3_test'))
