# PoseConv3D (Duan et al., CVPR 2022) on Penn Action ground-truth poses,
# limb heatmaps (the 14 Penn-13 limbs): penn_action_keypoint.py (backbone,
# clips, schedule) with the limb dataset base. 40e = 40 epochs x
# RepeatDataset(1).
_base_ = [
    '../_base_/models/posec3d_slowonly_narrow.py',
    '../_base_/datasets/penn_action_limb.py',
    '../_base_/schedules/sgd_warmup_cosine_40e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=14),
    cls_head=dict(num_classes=15, dropout_ratio=0.2, label_smooth_eps=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
