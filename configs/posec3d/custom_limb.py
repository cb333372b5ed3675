# PoseConv3D (Duan et al., CVPR 2022) limb heatmaps (one per limb of the
# layout) on YOUR PoseDataset pickle: custom_keypoint.py with the limb
# dataset base (docs/custom_dataset.md; a leaf calls posec3d_custom() with
# _base_.recipe as custom_example_nucla_xview3.py does). 60e = 60 epochs x
# RepeatDataset(1), as custom_keypoint.py.
_base_ = [
    '../_base_/models/posec3d_slowonly_narrow.py',
    '../_base_/datasets/custom_limb.py',
    '../_base_/schedules/sgd_warmup_cosine_60e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=_base_.heatmap_channels),
    cls_head=dict(num_classes=_base_.num_classes, dropout_ratio=0.2,
                  label_smooth_eps=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
