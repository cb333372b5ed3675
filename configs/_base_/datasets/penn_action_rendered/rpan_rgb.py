# Rendered Penn Action (see common.py) for RPAN's RGB stream: 8 frames, one
# per equal segment (TSN sampling; one random frame per segment in training,
# the segment centres at test: "8 frames ... with equal interval"), the
# whole 128x128 frame (no crop), mirroring that swaps left/right joints, and
# the joints' Gaussian attention targets (GenerateRPANPoseTarget, training
# only in the paper; also at test for the attention-PCK metric).
_base_ = ['./common.py']

num_segments = 8
frame_size = 128  # whole frame, as rendered
rgb_mean = [123.675, 116.28, 103.53]  # trained from scratch: ImageNet stats
rgb_std = [58.395, 57.12, 57.375]

_target = _base_.rpan_target
_tail = [
    dict(type='PoseDecode'),  # keypoints of the sampled frames
    dict(type='Resize', scale=(frame_size, frame_size), keep_ratio=False),
]
_pack = [
    _target,
    dict(type='FormatShape', input_format='NCHW'),
    dict(type='PackActionInputs', algorithm_keys=_base_.rpan_keys)
]
train_pipeline = [
    dict(type='DecordInit'),
    dict(type='SampleFrames', clip_len=1, frame_interval=1,
         num_clips=num_segments),
    dict(type='DecordDecode'),
    *_tail,
    dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    *_pack
]
val_pipeline = test_pipeline = [
    dict(type='DecordInit'),
    dict(type='SampleFrames', clip_len=1, frame_interval=1,
         num_clips=num_segments, test_mode=True),
    dict(type='DecordDecode'),
    *_tail,
    *_pack
]
del _target, _tail, _pack

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
test_dataloader = val_dataloader
del _data

val_evaluator = test_evaluator = _base_.rpan_evaluator
