# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50, limb heatmaps,
# NTU60-XView. Paper Table 3: 96.6 (J); J+L 97.1. Recipe = pyskl
# slowonly_r50_ntu60_xview/limb.py (mmaction2 has no NTU60-XView config), plus
# auto_scale_lr. pyskl trains with 32 clips/GPU at lr 0.4 (here 16 at 0.2: the
# same lr per clip) and tests with Resize(64, 64) (here Resize(-1, 64) +
# CenterCrop(64), the same after the square PoseCompact).
# 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ntu60_xview_limb.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
