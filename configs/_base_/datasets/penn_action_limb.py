# Penn Action ground-truth poses as limb heatmaps (14 Penn-13 limbs, in
# `skeletons` order); everything else as in penn_action_keypoint.py.
_base_ = ['./penn_action_keypoint.py']

clip_len = _base_.clip_len
heatmap_size = _base_.heatmap_size
num_test_clips = _base_.num_test_clips
_limb = dict(type='GeneratePoseTarget', sigma=0.6, use_score=True,
             with_kp=False, with_limb=True, skeletons=_base_.skeletons)

train_pipeline = [
    dict(type='UniformSampleFrames', clip_len=clip_len),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(-1, int(heatmap_size * 8 / 7))),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(heatmap_size, heatmap_size), keep_ratio=False),
    dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    _limb,
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
val_pipeline = [
    dict(type='UniformSampleFrames', clip_len=clip_len, num_clips=1,
         test_mode=True),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(heatmap_size, heatmap_size), keep_ratio=False),
    _limb,
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
test_pipeline = [
    dict(type='UniformSampleFrames', clip_len=clip_len,
         num_clips=num_test_clips, test_mode=True),
    dict(type='PoseDecode'),
    dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(heatmap_size, heatmap_size), keep_ratio=False),
    dict(_limb, double=True, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp, left_limb=_base_.left_limb,
         right_limb=_base_.right_limb),
    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
    dict(type='PackActionInputs')
]
train_dataloader = dict(dataset=dict(dataset=dict(pipeline=train_pipeline)))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
