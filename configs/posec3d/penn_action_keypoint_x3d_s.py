# PoseConv3D (Duan et al., CVPR 2022) on Penn Action with the Pose-X3D-s
# backbone (Table 2's smallest: gamma_d 1 -> blocks (2, 5, 3), 216-channel
# output), everything else as penn_action_keypoint.py (data, 40 epochs, lr
# 0.1, dropout 0.2, label smoothing 0.1). The CPU comparison of the two
# backbones is in configs/posec3d/README.md (Penn Action section).
_base_ = [
    '../_base_/models/posec3d_x3d.py',
    '../_base_/datasets/penn_action_keypoint.py',
    '../_base_/schedules/sgd_warmup_cosine_40e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=13, gamma_d=1),
    cls_head=dict(num_classes=15, dropout_ratio=0.2, label_smooth_eps=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
