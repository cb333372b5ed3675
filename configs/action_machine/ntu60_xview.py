# Action Machine ("KPS PoseAction RGBAction", ResNet-50 pose CNN: the
# paper's headline model) on NTU RGB+D 60 cross-view: stage 1
# (ntu60_xview_kps_rgb.py) fixed, the pose-image ResNet-50 trained on the
# estimated poses; test: RGB + pose softmax, 10 clips x 3 crops.
#   bash tools/dist_train.sh configs/action_machine/ntu60_xview.py 4
_base_ = [
    '../_base_/models/action_machine_i3d_r50.py',
    '../_base_/datasets/action_machine_ntu60_xview.py',
    '../_base_/schedules/action_machine_sgd_85e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    mode='pose_cls_only',
    cls_head=dict(num_classes=60),
    pose_backbone=dict(depth=50, pretrained='torchvision://resnet50'),
    pose_cls_head=dict(num_classes=60, in_channels=2048))
load_from = 'work_dirs/ntu60_xview_kps_rgb/epoch_85.pth'
