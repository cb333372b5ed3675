# PoseConv3D with Pose-X3D (paper Table 2/11; our `PoseX3D`):
# input (N, 17, 48, 56, 56) -> backbone (N, 216, 48, 4, 4) -> logits.
# Pose-X3D-s: `backbone=dict(gamma_d=1)` in the leaf (pyskl "x3d_shallow").
model = dict(
    type='Recognizer3D',
    backbone=dict(
        type='PoseX3D',
        in_channels=17,
        base_channels=24,
        gamma_b=2.25,
        gamma_d=2.2,
        stage_blocks=(2, 5, 3),
        spatial_strides=(2, 2, 2),
        se_ratio=None,
        use_swish=False),
    cls_head=dict(
        type='I3DHead',
        in_channels=216,
        num_classes=60,
        spatial_type='avg',
        dropout_ratio=0.5,
        average_clips='prob'))
