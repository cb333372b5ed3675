# PoseConv3D (Duan et al., CVPR 2022) on Penn Action ground-truth poses,
# limb heatmaps (the 14 Penn-13 limbs); backbone, clips and schedule as in
# penn_action_keypoint.py (see there). 40e = 40 epochs x RepeatDataset(1).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/penn_action_limb.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

max_epochs = 40
model = dict(
    backbone=dict(
        depth=18,
        in_channels=14,
        base_channels=16,
        stage_blocks=(1, 1, 1),
        conv1_kernel=(1, 5, 5),
        conv1_stride_s=2,
        with_pool1=False,
        spatial_strides=(1, 2, 2),
        zero_init_residual=False),
    cls_head=dict(
        in_channels=64, num_classes=15, dropout_ratio=0.2,
        label_smooth_eps=0.1))

train_cfg = dict(max_epochs=max_epochs, val_interval=5)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
optim_wrapper = dict(optimizer=dict(lr=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
auto_scale_lr = dict(enable=False, base_batch_size=16)
