# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50, keypoint heatmaps,
# Kinetics-400 (compressed skeletons). Paper Table 3: 46.0 (J); J+L 47.7.
# Recipe = mmaction2 1.2.0's slowonly_r50_8xb32-u48-240e_k400-keypoint.py,
# plus nothing (it already has auto_scale_lr):
# 32 clips/GPU, lr 0.4, weight decay 1e-4, stage_blocks (3, 4, 6) instead of
# the paper's (4, 6, 3) (its "one architecture for all datasets", Sec. 4.4.1;
# (3, 4, 6) is what the released K400 checkpoint that UCF101/HMDB51 start
# from uses).
# 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/k400_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(stage_blocks=(3, 4, 6)),
    cls_head=dict(num_classes=_base_.num_classes))
optim_wrapper = dict(optimizer=dict(lr=0.4, weight_decay=1e-4))
