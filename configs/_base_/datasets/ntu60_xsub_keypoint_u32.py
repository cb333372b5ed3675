# NTU RGB+D 60 cross-subject keypoint heatmaps, 32 frames: the pose-only
# pre-training stage of RGBPose-Conv3D (data as in `ntu60_xsub_keypoint.py`).
# Values of mmaction2 1.2.0's `rgbpose_conv3d/pose_only.py`: 32 frames, the
# person box resized to 64x64 (no aspect ratio kept), train crop -> 56x56,
# val/test 64x64 without crop; except that the test pipeline adds the flip
# views (`double=True`), which mmaction2 forgot although it passes
# `left_kp`/`right_kp`: 10 clips x 2 views as in every other PoseConv3D test.
_base_ = ['./ntu60_xsub_keypoint.py']

clip_len = 32
train_pipeline = [
    dict(_base_.train_pipeline[0], clip_len=clip_len),  # UniformSampleFrames
    *_base_.train_pipeline[1:3],  # decode, person box
    dict(type='Resize', scale=(64, 64), keep_ratio=False),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(56, 56), keep_ratio=False),
    *_base_.train_pipeline[-4:]  # flip, heatmaps
]
val_pipeline, test_pipeline = ([
    dict(p[0], clip_len=clip_len),
    *p[1:3],
    dict(type='Resize', scale=(64, 64), keep_ratio=False),
    *p[-3:]
] for p in (_base_.val_pipeline, _base_.test_pipeline))
train_dataloader = dict(dataset=dict(dataset=dict(pipeline=train_pipeline)))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
