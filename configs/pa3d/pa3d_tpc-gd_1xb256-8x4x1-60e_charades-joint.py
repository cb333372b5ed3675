# PA3D (Yan et al., CVPR 2019), joint stream "J" (COCO-17 heatmaps) on Charades
# (multi-label, mAP) (Table 5). T=8, N=6 (not given for Charades: the
# HMDB values); Global + Dilated d=2 TemporalPoseConv (M=3 x 2 positions).
# 60e = 60 epochs.
_base_ = [
    '../_base_/models/pa3d.py',
    '../_base_/datasets/charades_pa3d.py',
    '../_base_/schedules/pa3d_adam-60e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        in_channels=_base_.num_joints,
        num_frames=_base_.clip_len,
        temporal_cfg=dict(
            global_out=6, dilations=(2, ), dilated_out=3)),
    cls_head=dict(
        num_classes=_base_.num_classes,
        multi_class=True,
        loss_cls=dict(type='BCELossWithLogits'),
        average_clips='score'))
train_dataloader = dict(dataset=dict(pipeline=_base_.train_pipelines.joint))
val_dataloader = dict(dataset=dict(pipeline=_base_.val_pipelines.joint))
test_dataloader = dict(dataset=dict(pipeline=_base_.test_pipelines.joint))
