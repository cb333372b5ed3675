# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-wd (Table 2: twice the
# width, base 64 channels; 7.9M params, 54.9 GFLOPs; 93.x), keypoint
# heatmaps, NTU60-XSub. No reference config exists: the NTU60-XSub keypoint
# recipe with the wider backbone. 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ntu60_xsub_keypoint.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(base_channels=64),
    cls_head=dict(in_channels=1024, num_classes=_base_.num_classes))
