# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-HR (Table 2: 93.6; 8.0M
# params, 73.0 GFLOPs), keypoint heatmaps, NTU60-XSub. The full 4-stage
# SlowOnly-R50 at half width (res2 kept, stage_blocks (3, 4, 6, 3)) on
# 112x112 heatmaps (Table 11), every stage downsampling by 2 (112 -> 7) and
# the last one also in time, as in Pose-SlowOnly; only this layout matches
# the paper's params and FLOPs. No reference config exists: the
# NTU60-XSub keypoint recipe at 112x112 (`ntu60_xsub_keypoint_112.py`).
# 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ntu60_xsub_keypoint_112.py',
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        num_stages=4,
        stage_blocks=(3, 4, 6, 3),
        out_indices=(3, ),
        inflate=(0, 0, 1, 1),
        spatial_strides=(2, 2, 2, 2),
        temporal_strides=(1, 1, 1, 2),
        dilations=(1, 1, 1, 1)),
    cls_head=dict(in_channels=1024, num_classes=_base_.num_classes))
