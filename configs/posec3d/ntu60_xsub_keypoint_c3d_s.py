# PoseConv3D (Duan et al., CVPR 2022), Pose-C3D-s (Table 2: 92.9; 3.4M
# params, 16.8 GFLOPs; pyskl "C3D-light": 92.7), keypoint heatmaps,
# NTU60-XSub: Pose-C3D without its last two convolutions. Recipe = pyskl's
# c3d_light_ntu60_xsub/joint.py (32 clips/GPU at lr 0.4, here 16 at 0.2: the
# same lr per clip; Resize(64, 64) at test, the same after the square
# PoseCompact). 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_c3d.py',
    '../_base_/datasets/ntu60_xsub_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(num_stages=3),
    cls_head=dict(num_classes=_base_.num_classes))
