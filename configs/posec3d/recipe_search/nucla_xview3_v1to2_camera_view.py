# nucla_xview3_v1to2_penn_recipe.py + RandomCameraView on the training
# clips: the 3D joints (keypoint_3d) turned by a random yaw in +-60 deg
# about the person's vertical axis and projected again with the Kinect
# intrinsics (camera_intrinsics of the pickle): new camera views.
_base_ = ['./nucla_xview3_v1to2_penn_recipe.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        dict(_base_.recipe, camera_view=dict(yaw=60.)),
        ann_file='data/nucla/nucla.pkl', num_classes=10, layout='kinect20',
        train_split='xview3_train_keep', test_split='xview3_train_hold'))
