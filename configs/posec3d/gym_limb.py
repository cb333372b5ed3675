# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50, limb heatmaps,
# FineGYM-99 (metric: mean class top-1, acc/mean1). Paper Table 3: 93.2 (J);
# J+L 94.3. Recipe = mmaction2 1.2.0 slowonly_r50_8xb16-u48-240e_gym-limb.py,
# plus auto_scale_lr.
# 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/gym_limb.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
