# nucla_xview3_v1to2_camera_view.py with a milder view change: yaw in
# +-30 deg on half of the training clips (the other half as recorded).
_base_ = ['./nucla_xview3_v1to2_penn_recipe.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        dict(_base_.recipe, camera_view=dict(yaw=30., p=0.5)),
        ann_file='data/nucla/nucla.pkl', num_classes=10, layout='kinect20',
        train_split='xview3_train_keep', test_split='xview3_train_hold'))
