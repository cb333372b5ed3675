# RGBPose-Conv3D pre-training stage 2 at CPU size, on Penn Action rendered
# as video (NOT real footage; make penn-rgb-data): the pose pathway of
# ../_base_/models/rgbposeconv3d_narrow.py alone, i.e. the narrow
# Pose-SlowOnly of our Penn Action PoseC3D without temporal stride and with
# the stride-1 max pool that RGBPoseConv3D always applies; 32 frames of
# 32x32 keypoint heatmaps, test 10 clips x 2 flips. Recipe of
# configs/posec3d/penn_action_keypoint.py (dropout 0.2, label smoothing 0.1,
# lr 0.1 for 16 clips, warm-up + cosine).
#   bash tools/dist_train.sh configs/rgbpose_conv3d/penn_action_rendered_pose_only.py 2
_base_ = [
    '../_base_/models/posec3d_slowonly_narrow.py',
    '../_base_/datasets/penn_action_rendered/pose.py',
    '../_base_/schedules/sgd_warmup_cosine_40e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=13, temporal_strides=(1, 1, 1),
                  with_pool1=True),
    cls_head=dict(num_classes=15, dropout_ratio=0.2, label_smooth_eps=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
