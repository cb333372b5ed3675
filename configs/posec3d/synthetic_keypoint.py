# PoseConv3D (Duan et al., CVPR 2022) on the embedded synthetic dataset:
# the quickstart config (`make demo`), sized for a 2-core CPU.
# Differs from the NTU recipe: a narrow 3-stage SlowOnly (one bottleneck
# block per stage, 16 base channels, 5x5 stem), 24-frame clips of 32x32
# heatmaps, 16 epochs, no repeat.
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/synthetic_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

max_epochs = 16
model = dict(
    backbone=dict(
        depth=50,
        base_channels=16,
        stage_blocks=(1, 1, 1),
        conv1_kernel=(1, 5, 5),
        temporal_strides=(1, 1, 2)),
    cls_head=dict(in_channels=256, num_classes=8))

train_cfg = dict(max_epochs=max_epochs, val_interval=4)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
optim_wrapper = dict(optimizer=dict(lr=0.1))
default_hooks = dict(logger=dict(interval=10))
auto_scale_lr = dict(enable=False, base_batch_size=16)
