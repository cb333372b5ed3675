# PoseConv3D keypoint (joint) heatmaps: the recipe of mmaction2 1.2.0's NTU
# RGB+D and FineGYM configs (`slowonly_r50_8xb16-u48-240e_ntu60-xsub-
# keypoint.py`, `..._gym-keypoint.py`): train 1 clip of 48 frames, 56x56 crop
# with flip; val 1 clip, test 10 clips x flip, at 64x64. Effective epochs =
# schedule epochs x RepeatDataset(times=10).
# No leaf lists this file: a dataset base (`../ntu60_xsub_keypoint.py`, ...)
# inherits it and sets the data; `./limb.py` draws limbs instead of joints;
# the dataset base's `*_device.py` twin renders on the model's device.
#
# Step layout of every PoseConv3D pipeline here. Bases that derive from this
# one cut pipelines only along it (K400's prepend DecompressPose):
#   [:3]   UniformSampleFrames, PoseDecode, PoseCompact  (clips, person box)
#   ...    resize/crop to the heatmap canvas; train: Flip last ([-4])
#   [-3:]  GeneratePoseTarget, FormatShape, PackActionInputs  (heatmaps)
_base_ = ['../../skeletons/coco17.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/skeleton/<set by the dataset base>.pkl'
num_classes = None  # set by the dataset base
clip_len = 48
batch_size = 16  # per GPU, 8 GPUs (auto_scale_lr below)
num_workers = 8
# ---------------------------------------------------

train_pipeline = [
    dict(type='UniformSampleFrames', clip_len=clip_len),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(-1, 64)),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(56, 56), keep_ratio=False),
    dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    dict(type='GeneratePoseTarget', sigma=0.6, use_score=True, with_kp=True,
         with_limb=False),
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
val_pipeline = [
    dict(type='UniformSampleFrames', clip_len=clip_len, num_clips=1,
         test_mode=True),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(-1, 64)),
    dict(type='CenterCrop', crop_size=64),
    dict(type='GeneratePoseTarget', sigma=0.6, use_score=True, with_kp=True,
         with_limb=False),
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
test_pipeline = [
    dict(type='UniformSampleFrames', clip_len=clip_len, num_clips=10,
         test_mode=True),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(-1, 64)),
    dict(type='CenterCrop', crop_size=64),
    dict(type='GeneratePoseTarget', sigma=0.6, use_score=True, with_kp=True,
         with_limb=False, double=True, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]

train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(
        type='RepeatDataset',
        times=10,
        dataset=dict(
            type=dataset_type,
            ann_file=ann_file,
            split='train',
            pipeline=train_pipeline)))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type,
        ann_file=ann_file,
        split='val',
        pipeline=val_pipeline,
        test_mode=True))
test_dataloader = dict(
    batch_size=1,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type,
        ann_file=ann_file,
        split='val',
        pipeline=test_pipeline,
        test_mode=True))

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator

# Reference: 8 GPUs x 16 clips. mmaction2 has no auto_scale_lr here, so
# `tools/train.py --auto-scale-lr` failed; with it the lr follows the batch.
auto_scale_lr = dict(enable=False, base_batch_size=128)
