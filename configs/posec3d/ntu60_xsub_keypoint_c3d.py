# PoseConv3D (Duan et al., CVPR 2022), Pose-C3D (Table 2: 93.0; 6.9M params,
# 25.2 GFLOPs), keypoint heatmaps, NTU60-XSub. No pooling before stage 4,
# as in the paper's Table 11 (pyskl's C3D pools there, 18.3 GFLOPs); average
# pooling as in pyskl (the paper says max). Training recipe of pyskl's
# c3d_light configs = the NTU60-XSub keypoint recipe (pyskl: 32 clips/GPU at
# lr 0.4, here 16 at 0.2; Resize(64, 64) at test, the same after the square
# PoseCompact). 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_c3d.py',
    '../_base_/datasets/ntu60_xsub_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
