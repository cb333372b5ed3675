# PoseConv3D (Duan et al., CVPR 2022) keypoint heatmaps on YOUR PoseDataset
# pickle (docs/custom_dataset.md): a leaf of a few lines names the pickle,
# the number of classes and the skeleton layout and calls posec3d_custom()
# with _base_.recipe (custom_example_nucla_xview3.py), so the flip pairs,
# the input channels and num_joints follow from its layout. Defaults: the
# Penn Action recipe (penn_action_keypoint.py): narrow Pose-SlowOnly,
# 32-frame clips of 32x32 heatmaps, dropout 0.2 + label smoothing 0.1, lr
# 0.1 for 16 clips, but 60 epochs instead of 40 (chosen on held-out N-UCLA
# training views, configs/posec3d/README.md). 60e = 60 x RepeatDataset(1).
_base_ = [
    '../_base_/models/posec3d_slowonly_narrow.py',
    '../_base_/datasets/custom_keypoint.py',
    '../_base_/schedules/sgd_warmup_cosine_60e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=_base_.heatmap_channels),
    cls_head=dict(num_classes=_base_.num_classes, dropout_ratio=0.2,
                  label_smooth_eps=0.1))
# Validation runs on the test split unless the leaf passes val_split (e.g.
# 'train_val' of tools/data/splits/make_splits.py); the result is the last
# epoch's checkpoint.
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
