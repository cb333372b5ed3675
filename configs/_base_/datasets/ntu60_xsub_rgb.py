# NTU RGB+D 60 cross-subject, RGB only: the first pre-training stage of
# RGBPose-Conv3D (videos and poses as in `ntu60_xsub_rgbpose.py`; the poses
# only drive the person-centred crop). Values of mmaction2 1.2.0's
# `rgbpose_conv3d/rgb_only.py`: 8 uniformly sampled frames, 224x224, batch
# 12; data and dataloaders of `ntu60_xsub_keypoint.py` (RepeatDataset(10)).
_base_ = ['./ntu60_xsub_keypoint.py']

# ---- parameters that often need to be modified ----
video_root = 'data/nturgbd_videos/'
clip_len = dict(RGB=8)
batch_size = 12  # per GPU, 8 GPUs (auto_scale_lr below)
# ---------------------------------------------------

train_pipeline = [
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=1),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(256, 256), keep_ratio=False),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(224, 224), keep_ratio=False),
    dict(type='Flip', flip_ratio=0.5),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs')
]
val_pipeline, test_pipeline = ([  # 1 clip / 10 clips
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=n,
         test_mode=True),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(224, 224), keep_ratio=False),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs')
] for n in (1, 10))
train_dataloader = dict(
    batch_size=batch_size,
    dataset=dict(
        dataset=dict(
            data_prefix=dict(video=video_root), pipeline=train_pipeline)))
val_dataloader = dict(
    batch_size=batch_size,
    dataset=dict(data_prefix=dict(video=video_root), pipeline=val_pipeline))
test_dataloader = dict(
    dataset=dict(data_prefix=dict(video=video_root), pipeline=test_pipeline))
# `clip_len` is an int in the keypoint base; a dict replaces it wholesale.
clip_len = dict(clip_len, _delete_=True)

# Reference: 8 GPUs x 12 clips (as in mmaction2).
auto_scale_lr = dict(base_batch_size=96)
