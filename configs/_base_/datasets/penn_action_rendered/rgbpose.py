# Rendered Penn Action (see common.py), RGB + pose (RGBPoseConv3D; the
# pipeline of mmaction2's rgbpose_conv3d/rgbpose_conv3d.py at CPU size):
# 8 RGB and 32 pose frames sampled independently and uniformly, one
# person-centred crop for both modalities, RGB rgb_size (64) and keypoint
# heatmaps rgb_size * heatmap_scaling (32), flips swap left/right joints.
# Test: num_test_clips (10) clips, no flip; flip_test_pipeline: 10 clips x
# 2 flips (the pose-only protocol), the mirrored RGB frames and heatmaps
# appended as a second crop (AppendFlippedFrames, GeneratePoseTarget double).
_base_ = ['./rgb.py']

clip_len = dict(RGB=8, Pose=32)
_heatmaps = [
    dict(type='GeneratePoseTarget', sigma=_base_.sigma, use_score=True,
         with_kp=True, with_limb=False, scaling=_base_.heatmap_scaling),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs', collect_keys=('imgs', 'heatmap_imgs'))
]
train_pipeline = [
    dict(_base_.train_pipeline[0], clip_len=clip_len),  # MMUniformSample...
    *_base_.train_pipeline[1:-3],  # decode, person box, RGB crop
    dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    *_heatmaps
]
val_pipeline, test_pipeline = ([
    dict(p[0], clip_len=clip_len),
    *p[1:-2],  # decode, person box, resize
    *_heatmaps
] for p in (_base_.val_pipeline, _base_.test_pipeline))
flip_test_pipeline = [
    *test_pipeline[:-3],
    dict(type='AppendFlippedFrames'),
    dict(_heatmaps[0], double=True, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    *_heatmaps[1:]
]
del _heatmaps
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
