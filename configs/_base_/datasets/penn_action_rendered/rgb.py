# Rendered Penn Action (see common.py), RGB only: 8 uniformly sampled frames
# of the person-centred crop (the keypoints only place the crop), as
# mmaction2's rgbpose_conv3d/rgb_only.py with 224 -> rgb_size (64).
_base_ = ['./common.py']

clip_len = dict(RGB=8)
_resize_train = int(round(_base_.rgb_size * 8 / 7))  # 256 : 224
train_pipeline = [
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=1),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(_resize_train, _resize_train),
         keep_ratio=False),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(_base_.rgb_size, _base_.rgb_size),
         keep_ratio=False),
    dict(type='Flip', flip_ratio=0.5),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs')
]
val_pipeline, test_pipeline = ([  # 1 clip / num_test_clips clips
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=n,
         test_mode=True),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(_base_.rgb_size, _base_.rgb_size),
         keep_ratio=False),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs')
] for n in (1, _base_.num_test_clips))
del _resize_train

_data = dict(type=_base_.dataset_type, ann_file=_base_.ann_file,
             data_prefix=dict(video=_base_.video_root))
train_dataloader = dict(
    batch_size=_base_.batch_size,
    num_workers=_base_.num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_data, split='train', pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=_base_.batch_size,
    num_workers=_base_.num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_data, split='test', pipeline=val_pipeline, test_mode=True))
test_dataloader = dict(
    batch_size=1,
    num_workers=_base_.num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_data, split='test', pipeline=test_pipeline,
                 test_mode=True))
del _data
