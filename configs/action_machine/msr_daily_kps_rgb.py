# Action Machine stage 1 ("KPS RGBAction", Table 8/9),
# MSR Daily Activity3D cross-subject:
# the person-crop I3D ResNet-50 with its RGB head and pose branch,
# L = L_rgb + L_pose, 85 epochs.
#   bash tools/dist_train.sh configs/action_machine/msr_daily_kps_rgb.py 4
_base_ = [
    '../_base_/models/action_machine_i3d_r50.py',
    '../_base_/datasets/action_machine_msr_daily.py',
    '../_base_/schedules/action_machine_sgd_85e.py',
    '../_base_/default_runtime.py'
]

model = dict(mode='rgb_kps', cls_head=dict(num_classes=16),
             pose_backbone=None, pose_cls_head=None)
