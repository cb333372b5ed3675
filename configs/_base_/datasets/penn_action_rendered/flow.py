# Rendered Penn Action (see common.py) as optical flow, for a TSN-style 2D
# temporal stream (RPAN's flow stream): `make penn-flow-data`
# (tools/data/extract_flow.py: DIS flow of consecutive frames, TSN
# quantisation with bound 20, flow_{x,y}_00001.jpg ... in one folder per
# video under flow_root, and flow_ann_file with total_frames = T - 1).
# 8 segments x 5 consecutive flow fields, (x, y) stacked: inputs
# (8, 10, 128, 128) = (num_segs, 2 * clip_len, H, W), x1 y1 x2 y2 ...;
# the whole 128x128 frame (no crop), mirroring that negates flow x and swaps
# left/right joints (training only), keypoints of each flow field's source
# frame. The model's data_preprocessor normalises the 0..255 flow values
# (mmaction2's flow configs: mean=[128], std=[128]).
# mmaction2 1.2 notes: FormatShape has no 'NCHW_Flow' (0.x) format any more;
# 'NCHW' stacks the clip's flow fields when modality == 'Flow'. PoseDataset
# forces modality='Pose' and mmaction2's Flip mis-negates stacked flow:
# RawFramesInit / FlowPoseDecode / FlowFlip
# (mmaction_pose/datasets/transforms/flow_frames.py).
_base_ = ['./common.py']

# ---- parameters that often need to be modified ----
flow_root = _base_.data_root + 'flow/'
flow_ann_file = flow_root + 'annotations.pkl'
num_segments = 8
clip_len = 5  # consecutive flow fields per segment: 2 * 5 = 10 channels
frame_size = 128  # whole frame, as rendered
# ---------------------------------------------------

_decode = [
    dict(type='RawFrameDecode'),
    dict(type='FlowPoseDecode'),  # keypoints of the sampled flow fields
    dict(type='Resize', scale=(frame_size, frame_size), keep_ratio=False),
]
_pack = [
    dict(type='FormatShape', input_format='NCHW'),
    dict(type='PackActionInputs')
]
train_pipeline = [
    dict(type='RawFramesInit'),
    dict(type='SampleFrames', clip_len=clip_len, frame_interval=1,
         num_clips=num_segments),
    *_decode,
    dict(type='FlowFlip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    *_pack
]
val_pipeline = test_pipeline = [
    dict(type='RawFramesInit'),
    dict(type='SampleFrames', clip_len=clip_len, frame_interval=1,
         num_clips=num_segments, test_mode=True),
    *_decode,
    *_pack
]
del _decode, _pack

_data = dict(type=_base_.dataset_type, ann_file=flow_ann_file,
             data_prefix=dict(video=flow_root))
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
