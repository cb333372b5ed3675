# PA3D (Yan et al., CVPR 2019), part-affinity-field stream "P" on JHMDB split 1
# (Table 5). T=4, N=8 (§4.1: "T = 4/8 and N = 8/6 for JHMDB/HMDB"); Global +
# Dilated d=2 TemporalPoseConv (M=4 x 2 positions).
# 150e = 150 epochs.
_base_ = [
    '../_base_/models/pa3d.py',
    '../_base_/datasets/jhmdb_pa3d.py',
    '../_base_/schedules/pa3d_sgd-multistep-150e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        in_channels=_base_.paf_channels,
        num_frames=_base_.clip_len,
        temporal_cfg=dict(
            global_out=8, dilations=(2, ), dilated_out=4)),
    cls_head=dict(num_classes=_base_.num_classes))
train_dataloader = dict(dataset=dict(pipeline=_base_.train_pipelines.paf))
val_dataloader = dict(dataset=dict(pipeline=_base_.val_pipelines.paf))
test_dataloader = dict(dataset=dict(pipeline=_base_.test_pipelines.paf))
