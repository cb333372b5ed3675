# The 1D temporal CNN baseline (mmaction_pose/models/backbones/
# temporal_cnn1d.py; configs/baseline1d/README.md) on Penn Action
# ground-truth 2D poses: 32 resampled frames of body-normalized joints and
# their velocities, 1D convolutions over time with the 13 joints x 4
# features as channels, global pooling. 60e = 60 epochs x RepeatDataset(1)
# (a few minutes on 2 cores; not tuned); lr 0.1 for 16 clips.
_base_ = [
    '../_base_/models/temporal_cnn1d.py',
    '../_base_/datasets/penn_action_baseline1d.py',
    '../_base_/schedules/sgd_nesterov_cosine_60e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(num_joints=_base_.num_joints),
    cls_head=dict(num_classes=_base_.num_classes))
# Penn Action has no validation split: validation runs on the test split
# for monitoring only; the last epoch's checkpoint is the result.
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=10, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
