# RGBPose-Conv3D pre-training stage 2 (Duan et al., CVPR 2022, Sec. 4.5):
# the pose pathway alone, Pose-SlowOnly on 32 frames with no temporal
# stride in res5 (Table 12), NTU60-XSub keypoint heatmaps.
# Recipe = mmaction2 1.2.0's rgbpose_conv3d/pose_only.py: 16 clips/GPU,
# lr 0.2, weight decay 3e-4, cosine, except that testing adds the flip
# views (double=True; mmaction2 forgot it): 10 clips x 2 views.
# 180e = 18 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ntu60_xsub_keypoint_u32.py',
    '../_base_/schedules/sgd_cosine_18e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(temporal_strides=(1, 1, 1)),
    cls_head=dict(num_classes=_base_.num_classes))
optim_wrapper = dict(optimizer=dict(lr=0.2, weight_decay=3e-4))
