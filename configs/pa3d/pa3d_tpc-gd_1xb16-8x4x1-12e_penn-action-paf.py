# PA3D (Yan et al., CVPR 2019), part-affinity-field stream "P" on Penn
# Action (GT joints): 2 x 14 PAF maps per frame rendered from the joints
# (OpenPose 38 predicted maps are not available; see README).
# Otherwise as the joint stream. 12e = 12 epochs.
_base_ = [
    '../_base_/models/pa3d.py', '../_base_/datasets/penn_action_pa3d.py',
    '../_base_/schedules/pa3d_sgd-cosine-12e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=_base_.paf_channels, num_frames=_base_.clip_len),
    cls_head=dict(num_classes=_base_.num_classes))
train_dataloader = dict(dataset=dict(pipeline=_base_.train_pipelines.paf))
val_dataloader = dict(dataset=dict(pipeline=_base_.val_pipelines.paf))
test_dataloader = dict(dataset=dict(pipeline=_base_.test_pipelines.paf))
