# RPAN (Du et al., ICCV 2017), Sub-JHMDB split 2,
# RGB (spatial) stream; the
# backbone is TSN's BN-Inception pretrained on UCF101, converted with
# tools/convert_checkpoint.py bninception_tsn (README.md), frozen.
#   bash tools/dist_train.sh configs/rpan/sub_jhmdb_split2_rgb.py 8
_base_ = [
    '../_base_/models/rpan_bninception.py',
    '../_base_/datasets/sub_jhmdb_rpan.py',
    '../_base_/schedules/rpan_sgd_100e.py', '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(
        pretrained='work_dirs/pretrained/tsn_bninception_ucf101_rgb.pth'),
    cls_head=dict(num_classes=12, parts=_base_.part_index))
train_dataloader = dict(dataset=dict(
    pipeline=_base_.rgb_train_pipeline, split='train2'))
val_dataloader = dict(dataset=dict(
    pipeline=_base_.rgb_test_pipeline, split='test2'))
test_dataloader = val_dataloader
