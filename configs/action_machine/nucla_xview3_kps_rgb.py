# Action Machine stage 1 ("KPS RGBAction", Table 8/9),
# N-UCLA xview3 (test on view 3):
# the person-crop I3D ResNet-50 with its RGB head and pose branch,
# L = L_rgb + L_pose, 85 epochs.
#   bash tools/dist_train.sh configs/action_machine/nucla_xview3_kps_rgb.py 4
_base_ = [
    '../_base_/models/action_machine_i3d_r50.py',
    '../_base_/datasets/action_machine_nucla.py',
    '../_base_/schedules/action_machine_sgd_85e.py',
    '../_base_/default_runtime.py'
]

model = dict(mode='rgb_kps', cls_head=dict(num_classes=10),
             pose_backbone=None, pose_cls_head=None)
