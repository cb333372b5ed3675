# Action Machine at CPU size, the topology of action_machine_i3d_r50.py:
# the same I3D ResNet-50 (conv1 5x7x7, 3x1x1 inflation, no temporal
# pooling) at 1/4 of its widths (base 16: 512-channel res5), a pose branch of
# two 4x4 stride-2 deconvs of 64 filters, a ResNet-18 pose CNN at 1/4 width
# (128-d), trained from scratch (no ImageNet weights offline), Penn Action's
# 13 joints. (N, 3, 8, 96, 96) -> (N, 512, 8, 3, 3) -> 12x12 pose grid
# (stride 8, disk radius 16 px = 2 cells). From scratch, two training
# choices that leave the topology alone: the last BN of every residual
# block starts at zero (Goyal et al. 2017: the 16 bottlenecks start as
# identities) and both classifiers use label smoothing 0.1 (as the
# RGBPoseConv3D CPU recipe).
_base_ = ['./action_machine_i3d_r50.py']
num_keypoints = 13
model = dict(
    backbone=dict(pretrained=None, pretrained2d=False, base_channels=16,
                  zero_init_residual=True),
    cls_head=dict(num_classes=15, in_channels=512, label_smooth_eps=0.1),
    pose_head=dict(in_channels=512, num_keypoints=num_keypoints,
                   num_deconv_filters=(64, 64)),
    pose_decoder=dict(num_keypoints=num_keypoints),
    pose_backbone=dict(pretrained=None, base_channels=16),
    pose_cls_head=dict(num_classes=15, in_channels=128,
                       label_smooth_eps=0.1))
