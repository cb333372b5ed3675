# RGBPose-Conv3D pre-training stage 1 (Duan et al., CVPR 2022, Sec. 4.5):
# the RGB pathway alone, SlowOnly-R50 on 8 uniformly sampled 224x224 frames
# cropped around the persons, NTU60-XSub, from scratch.
# Recipe = mmaction2 1.2.0's rgbpose_conv3d/rgb_only.py: 12 clips/GPU,
# lr 0.15, weight decay 1e-4, cosine. 180e = 18 epochs x RepeatDataset(10).
_base_ = [
    '../_base_/models/slowonly_r50_rgb.py',
    '../_base_/datasets/ntu60_xsub_rgb.py',
    '../_base_/schedules/sgd_cosine_18e.py', '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=_base_.num_classes))
optim_wrapper = dict(optimizer=dict(lr=0.15, weight_decay=1e-4))
