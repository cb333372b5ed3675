# PoseConv3D with Pose-C3D (paper Table 2/11; our `PoseC3D`):
# input (N, 17, 48, 56, 56) -> backbone (N, 256, 48, 7, 7) -> logits.
# Pose-C3D-s: `backbone=dict(num_stages=3)` in the leaf.
model = dict(
    type='Recognizer3D',
    backbone=dict(
        type='PoseC3D',
        in_channels=17,
        base_channels=32,
        num_stages=4,
        temporal_downsample=False),
    cls_head=dict(
        type='I3DHead',
        in_channels=256,
        num_classes=60,
        spatial_type='avg',
        dropout_ratio=0.5,
        average_clips='prob'))
