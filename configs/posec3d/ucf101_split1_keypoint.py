# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50 ((3, 4, 6), as the
# K400 model), keypoint heatmaps, UCF101 split 1, fine-tuned from Kinetics-400
# (paper Table 14 "Finetune": HMDB51 69.3, UCF101 87.0; the paper does not
# name the split, the reference code uses split 1). Recipe = mmaction2 1.2.0's
# slowonly_kinetics400-pretrained-r50_8xb16-u48-120e_ucf101-split1-keypoint.py,
# plus auto_scale_lr.
# load_from: the released mmaction2 K400 keypoint model.
# 120e = 12 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ucf101_split1_keypoint.py',
    '../_base_/schedules/sgd_multistep_12e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(stage_blocks=(3, 4, 6)),
    cls_head=dict(num_classes=_base_.num_classes))
load_from = 'https://download.openmmlab.com/mmaction/v1.0/skeleton/posec3d/k400_posec3d-041f49c6.pth'  # noqa: E501
