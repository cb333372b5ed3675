# PA3D (Yan et al., CVPR 2019) "J ⊕ P" ablation on JHMDB split 1 (Table 5):
# joint and PAF maps, each through its own TemporalPoseConv, concatenated
# and fed to one action CNN (MMRecognizer3D). The paper prefers score fusion
# "∪" (J⊕P 58.7 vs J∪P 65.6). 150e = 150 epochs.
_base_ = [
    '../_base_/datasets/jhmdb_pa3d.py',
    '../_base_/schedules/pa3d_sgd-multistep-150e.py',
    '../_base_/default_runtime.py'
]

_tpc = dict(global_out=8, dilations=(2, ), dilated_out=4)
_pre = dict(type='ActionDataPreprocessor', format_shape='NCTHW')
model = dict(
    type='MMRecognizer3D',
    backbone=dict(
        type='PA3DModalityConcat',
        modalities=dict(
            imgs=dict(in_channels=_base_.num_joints,
                      num_frames=_base_.clip_len, temporal_cfg=_tpc),
            paf_imgs=dict(in_channels=_base_.paf_channels,
                          num_frames=_base_.clip_len, temporal_cfg=_tpc))),
    cls_head=dict(type='I3DHead', in_channels=512,
                  num_classes=_base_.num_classes, dropout_ratio=0.5,
                  init_std=0.01, average_clips='prob'),
    data_preprocessor=dict(type='MultiModalDataPreprocessor',
                           preprocessors=dict(imgs=_pre, paf_imgs=_pre)))
del _tpc, _pre
train_dataloader = dict(
    dataset=dict(pipeline=_base_.train_pipelines.joint_paf))
val_dataloader = dict(dataset=dict(pipeline=_base_.val_pipelines.joint_paf))
test_dataloader = dict(dataset=dict(pipeline=_base_.test_pipelines.joint_paf))
