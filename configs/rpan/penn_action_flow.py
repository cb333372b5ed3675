# RPAN (Du et al., ICCV 2017), Penn Action,
# flow (temporal) stream, 5 stacked TV-L1 fields; the
# backbone is TSN's BN-Inception pretrained on UCF101, converted with
# tools/convert_checkpoint.py bninception_tsn (README.md), frozen.
#   bash tools/dist_train.sh configs/rpan/penn_action_flow.py 8
_base_ = [
    '../_base_/models/rpan_bninception.py',
    '../_base_/datasets/penn_action_rpan.py',
    '../_base_/schedules/rpan_sgd_100e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        in_channels=10,
        pretrained='work_dirs/pretrained/tsn_bninception_ucf101_flow.pth'),
    data_preprocessor=dict(mean=[128], std=[1], to_rgb=False),
    cls_head=dict(num_classes=15, parts=_base_.part_index, hidden_dim=1024,
                  att_dim=128))
train_dataloader = dict(dataset=dict(
    ann_file=_base_.flow_ann_file,
    data_prefix=dict(video=_base_.flow_root),
    pipeline=_base_.flow_train_pipeline))
val_dataloader = dict(dataset=dict(
    ann_file=_base_.flow_ann_file,
    data_prefix=dict(video=_base_.flow_root),
    pipeline=_base_.flow_test_pipeline))
test_dataloader = val_dataloader
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=100, by_epoch=True,
         milestones=[50], gamma=0.1)
]
