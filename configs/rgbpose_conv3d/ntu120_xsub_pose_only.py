# RGBPose-Conv3D pre-training, pose pathway alone, NTU120-XSub:
# pose_only.py on the NTU120 data (no reference config).
_base_ = ['./pose_only.py']

ann_file = 'data/skeleton/ntu120_2d.pkl'
model = dict(cls_head=dict(num_classes=120))
train_dataloader = dict(
    dataset=dict(dataset=dict(ann_file=ann_file, split='xsub_train')))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
