# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50, limb heatmaps,
# Kinetics-400 (compressed skeletons). Paper Table 3: 46.0 (J); J+L 47.7.
# Recipe = pyskl's slowonly_r50_346_k400/limb.py (mmaction2 has no K400
# limb config):
# 32 clips/GPU, lr 0.4, weight decay 1e-4, stage_blocks (3, 4, 6) instead of
# the paper's (4, 6, 3) (its "one architecture for all datasets", Sec. 4.4.1;
# (3, 4, 6) is what the released K400 checkpoint that UCF101/HMDB51 start
# from uses).
# 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/k400_limb.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(stage_blocks=(3, 4, 6)),
    cls_head=dict(num_classes=_base_.num_classes))
optim_wrapper = dict(optimizer=dict(lr=0.4, weight_decay=1e-4))
