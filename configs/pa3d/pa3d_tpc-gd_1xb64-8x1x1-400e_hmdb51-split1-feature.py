# PA3D (Yan et al., CVPR 2019), feature stream "F" (mmpose backbone maps) on
# HMDB51 split 1 (Table 5). T=8, N=6 (§4.1: "T = 4/8 and N = 8/6 for
# JHMDB/HMDB"); Global + Dilated d=2 TemporalPoseConv (M=3 x 2 positions).
# Unbounded features: per-channel BatchNorm at the input (ours).
# 400e = 400 epochs.
_base_ = [
    '../_base_/models/pa3d.py',
    '../_base_/datasets/hmdb51_pa3d.py',
    '../_base_/schedules/pa3d_sgd-multistep-400e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        in_channels=_base_.feature_channels,
        num_frames=_base_.clip_len,
        temporal_cfg=dict(
            global_out=6, dilations=(2, ), dilated_out=3),
        input_norm=True),
    cls_head=dict(num_classes=_base_.num_classes))
train_dataloader = dict(dataset=dict(pipeline=_base_.train_pipelines.feature))
val_dataloader = dict(dataset=dict(pipeline=_base_.val_pipelines.feature))
test_dataloader = dict(dataset=dict(pipeline=_base_.test_pipelines.feature))
