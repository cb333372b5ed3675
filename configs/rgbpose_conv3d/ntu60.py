# RGBPose-Conv3D (Duan et al., CVPR 2022, Sec. 3.3/4.5, Table 12), NTU60-XSub:
#   tools/dist_train.sh configs/rgbpose_conv3d/ntu60.py 8
# RGB 8 + Pose 32 frames (Table 12; Table 4a's headline 97.0 used 16 + 48),
# early (bidirectional laterals) + late fusion, one CE loss per pathway.
# Fine-tunes the merged RGB-only + Pose-only models (`rgb_only.py`,
# `pose_only.py`, then tools/merge_rgbpose_checkpoints.py; README.md).
# Recipe = mmaction2 1.2.0's rgbpose_conv3d/rgbpose_conv3d.py: 6 clips/GPU,
# lr 0.0075, 20 epochs (no RepeatDataset), steps at 12 and 16.
_base_ = [
    '../_base_/models/rgbposeconv3d_r50.py',
    '../_base_/datasets/ntu60_xsub_rgbpose.py',
    '../_base_/schedules/sgd_multistep_20e.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
# Built by tools/merge_rgbpose_checkpoints.py; mmaction2's released one:
# https://download.openmmlab.com/mmaction/v1.0/skeleton/posec3d/rgbpose_conv3d/rgbpose_conv3d_init_20230228-09b7684b.pth
load_from = 'work_dirs/rgbpose_conv3d_ntu60_init.pth'
