# PoseConv3D (Duan et al., CVPR 2022), Pose-X3D (Table 2: 92.6; 531K params,
# 1.1 GFLOPs), keypoint heatmaps, NTU60-XSub: X3D-S without its first stage,
# no SE, no swish (only then do the params match), gamma_d 2.2 -> blocks
# (5, 11, 7). pyskl has no config for it; the recipe of its x3d_shallow
# configs = the NTU60-XSub keypoint recipe (pyskl: 32 clips/GPU at lr 0.4,
# here 16 at 0.2). 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_x3d.py',
    '../_base_/datasets/ntu60_xsub_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
