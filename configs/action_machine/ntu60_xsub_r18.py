# Action Machine with the ResNet-18 pose CNN (Table 8, "KPS PoseAction
# RGBAction (ResNet-18)") on NTU RGB+D 60 cross-subject.
_base_ = ['./ntu60_xsub.py']

model = dict(
    pose_backbone=dict(depth=18, pretrained='torchvision://resnet18'),
    pose_cls_head=dict(in_channels=512))
