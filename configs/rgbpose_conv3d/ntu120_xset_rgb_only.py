# RGBPose-Conv3D pre-training, RGB pathway alone, NTU120-XSet:
# rgb_only.py on the NTU120 data (no reference config).
_base_ = ['./rgb_only.py']

ann_file = 'data/skeleton/ntu120_2d.pkl'
model = dict(cls_head=dict(num_classes=120))
train_dataloader = dict(
    dataset=dict(dataset=dict(ann_file=ann_file, split='xset_train')))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='xset_val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='xset_val'))
