# PoseConv3D (Duan et al., CVPR 2022) on Penn Action ground-truth poses,
# limb heatmaps (14 Penn-13 limbs); otherwise identical to
# penn_action_keypoint.py (same backbone, clips, schedule).
_base_ = [
    './penn_action_keypoint.py', '../_base_/datasets/penn_action_limb.py'
]

model = dict(backbone=dict(in_channels=14))
