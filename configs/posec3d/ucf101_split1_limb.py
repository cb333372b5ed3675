# PoseConv3D (Duan et al., CVPR 2022), Pose-SlowOnly-R50 ((3, 4, 6), as the
# K400 model), limb heatmaps, UCF101 split 1, fine-tuned from Kinetics-400
# (paper Table 14 "Finetune": HMDB51 69.3, UCF101 87.0; the paper does not
# name the split, the reference code uses split 1). Recipe = mmaction2 1.2.0's
# slowonly_kinetics400-pretrained-r50_8xb16-u48-120e_ucf101-split1-keypoint.py
# with limb heatmaps (no reference config), plus auto_scale_lr.
# load_from: a K400 limb model; train configs/posec3d/k400_limb.py first
# (there is no released one).
# 120e = 12 epochs x RepeatDataset(times=10).
_base_ = [
    '../_base_/models/posec3d_slowonly_r50.py',
    '../_base_/datasets/ucf101_split1_limb.py',
    '../_base_/schedules/sgd_multistep_12e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(stage_blocks=(3, 4, 6)),
    cls_head=dict(num_classes=_base_.num_classes))
load_from = 'work_dirs/k400_limb/epoch_24.pth'
