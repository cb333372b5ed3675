# PoseConv3D (Duan et al., CVPR 2022) on the embedded synthetic dataset:
# the quickstart config (`make demo`), sized for a 2-core CPU.
# Differs from the NTU recipe as penn_action_keypoint.py does: the narrow
# SlowOnly of _base_/models/posec3d_slowonly_narrow.py (no temporal
# stride here), 24-frame clips of 32x32 heatmaps, 16 epochs, no repeat. (Until
# 2026-11-21 it used bottleneck blocks and a stride-1 stem: 2.2x slower
# per step and 96.25 % instead of 98.44 %, see tools/README.md.)
_base_ = [
    '../_base_/models/posec3d_slowonly_narrow.py',
    '../_base_/datasets/synthetic_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

max_epochs = 16
model = dict(
    backbone=dict(temporal_strides=(1, 1, 1)),
    cls_head=dict(num_classes=8))

train_cfg = dict(max_epochs=max_epochs, val_interval=4)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
optim_wrapper = dict(optimizer=dict(lr=0.1))
default_hooks = dict(logger=dict(interval=10))
auto_scale_lr = dict(enable=False, base_batch_size=16)
