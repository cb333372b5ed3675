# Kinetics-400, 2D HRNet poses in the compressed format: a table of contents
# (`k400_2d.pkl`) plus one keypoint file per video (`data/skeleton/kpfiles`):
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/k400_2d.pkl -P data/skeleton/
#   kpfiles: OpenXLab OpenMMLab/Kinetics400-skeleton -> data/skeleton/kpfiles/
# Recipe of mmaction2 1.2.0's `slowonly_r50_8xb32-u48-240e_k400-keypoint.py`:
# persons with box score < 0.5 dropped, `DecompressPose` first, batch 32,
# val/test resized straight to 64x64 (no CenterCrop).
_base_ = ['../skeletons/coco17.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/skeleton/k400_2d.pkl'
kp_root = 'data/skeleton/kpfiles'
box_thr = 0.5
num_classes = 400
clip_len = 48
batch_size = 32  # per GPU, 8 GPUs (auto_scale_lr below)
num_workers = 8
# ---------------------------------------------------

train_pipeline = [
    dict(type='DecompressPose', squeeze=True),
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
    dict(type='DecompressPose', squeeze=True),
    dict(type='UniformSampleFrames', clip_len=clip_len, num_clips=1,
         test_mode=True),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(64, 64), keep_ratio=False),
    dict(type='GeneratePoseTarget', sigma=0.6, use_score=True, with_kp=True,
         with_limb=False),
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
test_pipeline = [
    dict(type='DecompressPose', squeeze=True),
    dict(type='UniformSampleFrames', clip_len=clip_len, num_clips=10,
         test_mode=True),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(64, 64), keep_ratio=False),
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
            box_thr=box_thr,
            data_prefix=dict(skeleton=kp_root),
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
        box_thr=box_thr,
        data_prefix=dict(skeleton=kp_root),
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
        box_thr=box_thr,
        data_prefix=dict(skeleton=kp_root),
        pipeline=test_pipeline,
        test_mode=True))

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator

# Reference: 8 GPUs x 32 clips (as in mmaction2).
auto_scale_lr = dict(enable=False, base_batch_size=256)
