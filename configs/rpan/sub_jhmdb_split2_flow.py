# RPAN (Du et al., ICCV 2017), Sub-JHMDB split 2,
# flow (temporal) stream, 5 stacked TV-L1 fields; the
# backbone is TSN's BN-Inception pretrained on UCF101, converted with
# tools/convert_checkpoint.py bninception_tsn (README.md), frozen.
#   bash tools/dist_train.sh configs/rpan/sub_jhmdb_split2_flow.py 8
_base_ = [
    '../_base_/models/rpan_bninception.py',
    '../_base_/datasets/sub_jhmdb_rpan.py',
    '../_base_/schedules/rpan_sgd_100e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        in_channels=10,
        pretrained='work_dirs/pretrained/tsn_bninception_ucf101_flow.pth'),
    data_preprocessor=dict(mean=[128], std=[1], to_rgb=False),
    cls_head=dict(num_classes=12, parts=_base_.part_index))
train_dataloader = dict(dataset=dict(
    ann_file=_base_.flow_ann_file,
    data_prefix=dict(video=_base_.flow_root),
    pipeline=_base_.flow_train_pipeline, split='train2'))
val_dataloader = dict(dataset=dict(
    ann_file=_base_.flow_ann_file,
    data_prefix=dict(video=_base_.flow_root),
    pipeline=_base_.flow_test_pipeline, split='test2'))
test_dataloader = val_dataloader
