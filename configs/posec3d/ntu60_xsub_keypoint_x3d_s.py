# PoseConv3D (Duan et al., CVPR 2022), Pose-X3D-s (Table 2: 92.3; 241K
# params, 0.6 GFLOPs; pyskl "X3D-shallow": 92.1), keypoint heatmaps,
# NTU60-XSub: gamma_d 1 -> blocks (2, 5, 3). Recipe = pyskl's
# x3d_shallow_ntu60_xsub/joint.py (32 clips/GPU at lr 0.4, here 16 at 0.2:
# the same lr per clip; Resize(64, 64) at test, the same after the square
# PoseCompact). 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_x3d.py',
    '../_base_/datasets/ntu60_xsub_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(gamma_d=1),
    cls_head=dict(num_classes=_base_.num_classes))
