# PA3D (Yan et al., CVPR 2019), joint stream "J" on Penn Action (GT joints).
# Differs from the paper: maps rendered from ground-truth joints instead of
# OpenPose (13 Penn joints, no background map), person-centred 32x32, T=8
# frames taken every 4th frame, flip augmentation, short SGD schedule for a
# 2-core CPU. 12e = 12 epochs.
_base_ = [
    '../_base_/models/pa3d.py', '../_base_/datasets/penn_action_pa3d.py',
    '../_base_/schedules/pa3d_sgd-cosine-12e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=_base_.num_joints, num_frames=_base_.clip_len),
    cls_head=dict(num_classes=_base_.num_classes))
