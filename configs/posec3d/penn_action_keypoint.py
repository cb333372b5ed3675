# PoseConv3D (Duan et al., CVPR 2022) on Penn Action ground-truth poses,
# keypoint heatmaps, trained from scratch on a 2-core CPU (README: results).
# Differs from the NTU recipe: the narrow Pose-SlowOnly of
# _base_/models/posec3d_slowonly_narrow.py, 13 Penn joints, 32-frame clips of
# 32x32 heatmaps, dropout 0.2 + label smoothing 0.1, lr 0.1 for 16 clips.
# 40e = 40 epochs x RepeatDataset(times=1).
_base_ = [
    '../_base_/models/posec3d_slowonly_narrow.py',
    '../_base_/datasets/penn_action_keypoint.py',
    '../_base_/schedules/sgd_warmup_cosine_40e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=13),
    cls_head=dict(num_classes=15, dropout_ratio=0.2, label_smooth_eps=0.1))

# Penn Action has no validation split: validation runs on the test split
# for monitoring only; the published checkpoint is the last epoch's.
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
