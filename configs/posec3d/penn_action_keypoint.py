# PoseConv3D (Duan et al., CVPR 2022) on Penn Action ground-truth poses,
# keypoint heatmaps, trained from scratch on a 2-core CPU.
# Differs from the NTU recipe: a narrow 3-stage SlowOnly (ResNet-18 blocks,
# 16 base channels, no stem pool), 13 Penn joints, 32-frame clips of 32x32
# heatmaps, label smoothing, 16 epochs (RepeatDataset times=1).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/penn_action_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

max_epochs = 16
model = dict(
    backbone=dict(
        depth=18,
        in_channels=13,
        base_channels=16,
        stage_blocks=(1, 1, 1),
        conv1_kernel=(1, 5, 5),
        with_pool1=False),
    cls_head=dict(in_channels=64, num_classes=15, label_smooth_eps=0.1))

train_cfg = dict(max_epochs=max_epochs, val_interval=4)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
optim_wrapper = dict(optimizer=dict(lr=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=4, save_best='auto', max_keep_ckpts=1))
auto_scale_lr = dict(enable=False, base_batch_size=16)
