# PA3D (Yan et al., CVPR 2019), joint-difference stream "Jdiff" (J_t - J_t-1,
# §3.1) on Penn Action (GT joints): T=8 sampled frames give 7 difference
# maps per joint. Otherwise as the joint stream. 12e = 12 epochs.
_base_ = [
    '../_base_/models/pa3d.py', '../_base_/datasets/penn_action_pa3d.py',
    '../_base_/schedules/pa3d_sgd-cosine-12e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=_base_.num_joints,
                  num_frames=_base_.clip_len - 1),
    cls_head=dict(num_classes=_base_.num_classes))
train_dataloader = dict(dataset=dict(pipeline=_base_.train_pipelines.jdiff))
val_dataloader = dict(dataset=dict(pipeline=_base_.val_pipelines.jdiff))
test_dataloader = dict(dataset=dict(pipeline=_base_.test_pipelines.jdiff))
