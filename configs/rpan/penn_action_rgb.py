# RPAN (Du et al., ICCV 2017), Penn Action,
# RGB (spatial) stream; the
# backbone is TSN's BN-Inception pretrained on UCF101, converted with
# tools/convert_checkpoint.py bninception_tsn (README.md), frozen.
#   bash tools/dist_train.sh configs/rpan/penn_action_rgb.py 8
_base_ = [
    '../_base_/models/rpan_bninception.py',
    '../_base_/datasets/penn_action_rpan.py',
    '../_base_/schedules/rpan_sgd_100e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        pretrained='work_dirs/pretrained/tsn_bninception_ucf101_rgb.pth'),
    cls_head=dict(num_classes=15, parts=_base_.part_index, hidden_dim=1024,
                  att_dim=128))
train_dataloader = dict(dataset=dict(
    pipeline=_base_.rgb_train_pipeline))
val_dataloader = dict(dataset=dict(
    pipeline=_base_.rgb_test_pipeline))
test_dataloader = val_dataloader
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=100, by_epoch=True,
         milestones=[50], gamma=0.1)
]
