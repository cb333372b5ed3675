# PoseConv3D (Duan et al., CVPR 2022) on Penn Action with the Pose-X3D-s
# backbone (Table 2's smallest: gamma_d 1 -> blocks (2, 5, 3), 216-channel
# output), everything else as penn_action_keypoint.py (data, 40 epochs, lr
# 0.1, dropout 0.2, label smoothing 0.1). The CPU comparison of the two
# backbones is in configs/posec3d/README.md (Penn Action section).
_base_ = ['./penn_action_keypoint.py']

model = dict(
    backbone=dict(
        _delete_=True,
        type='PoseX3D',
        in_channels=13,
        base_channels=24,
        gamma_b=2.25,
        gamma_d=1,
        stage_blocks=(2, 5, 3),
        spatial_strides=(2, 2, 2),
        se_ratio=None,
        use_swish=False),
    cls_head=dict(in_channels=216))
