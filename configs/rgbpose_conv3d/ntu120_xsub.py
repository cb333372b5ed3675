# RGBPose-Conv3D (Duan et al., CVPR 2022), NTU120-XSub (Table 4a: 95.3 with
# 16 + 48 frames): ntu60.py on the NTU120 poses and videos (mmaction2 and
# pyskl ship NTU60-XSub only). Initialise from ntu120_xsub_rgb_only.py and
# ntu120_xsub_pose_only.py with tools/merge_rgbpose_checkpoints.py.
_base_ = ['./ntu60.py']

ann_file = 'data/skeleton/ntu120_2d.pkl'
model = dict(cls_head=dict(num_classes=120))
train_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_train'))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
load_from = 'work_dirs/rgbpose_conv3d_ntu120_xsub_init.pth'
