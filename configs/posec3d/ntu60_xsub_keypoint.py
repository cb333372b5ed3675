# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50, keypoint (joint)
# heatmaps, NTU60-XSub. Paper Table 3: 93.7 / 93.4 (J / L); J+L 94.1. Recipe =
# mmaction2 1.2.0 slowonly_r50_8xb16-u48-240e_ntu60-xsub-keypoint.py, plus
# auto_scale_lr.
# 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ntu60_xsub_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
