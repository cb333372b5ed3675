# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50, keypoint heatmaps,
# NTU60-XSub, rendered on the model's device: ntu60_xsub_keypoint.py with the
# one-line switch (its dataset base's `_device` twin). The dataloader packs
# keypoints (PackPoseKeypoints) and PoseHeatmapPreprocessor renders the batch
# where the model runs, with the values of the dataloader pipeline (<= 1e-5);
# the recipe is unchanged. 240e = 24 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ntu60_xsub_keypoint_device.py',  # the switch
    '../_base_/schedules/sgd_cosine.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
