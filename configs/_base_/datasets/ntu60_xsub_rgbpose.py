# NTU RGB+D 60 cross-subject, RGB videos + 2D poses (RGBPose-Conv3D):
#   poses:  wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/ntu60_2d.pkl -P data/skeleton/
#   videos: NTU RGB+D *_rgb.avi (1920x1080) -> data/nturgbd_raw/, then
#           python <mmaction2>/tools/data/skeleton/compress_nturgbd.py
#           -> data/nturgbd_videos/<frame_dir>.mp4 (960x540)
# Values of mmaction2 1.2.0's `rgbpose_conv3d/rgbpose_conv3d.py`: 8 RGB and
# 32 pose frames sampled independently and uniformly; one person-centred
# crop for both modalities; RGB 224x224 for training (256x256 for val/test),
# heatmaps 1/4 of that (scaling=0.25, sigma=0.7). Test: 10 clips, no flip.
_base_ = ['../skeletons/coco17.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/skeleton/ntu60_2d.pkl'
video_root = 'data/nturgbd_videos/'
num_classes = 60
clip_len = dict(RGB=8, Pose=32)
batch_size = 6  # per GPU, 8 GPUs (auto_scale_lr below)
num_workers = 8
# ---------------------------------------------------

train_pipeline = [
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=1),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(256, 256), keep_ratio=False),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(224, 224), keep_ratio=False),
    dict(type='Flip', flip_ratio=0.5, left_kp=_base_.left_kp,
         right_kp=_base_.right_kp),
    dict(type='GeneratePoseTarget', sigma=0.7, use_score=True, with_kp=True,
         with_limb=False, scaling=0.25),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs', collect_keys=('imgs', 'heatmap_imgs'))
]
val_pipeline = [
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=1,
         test_mode=True),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(256, 256), keep_ratio=False),
    dict(type='GeneratePoseTarget', sigma=0.7, use_score=True, with_kp=True,
         with_limb=False, scaling=0.25),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs', collect_keys=('imgs', 'heatmap_imgs'))
]
test_pipeline = [
    dict(type='MMUniformSampleFrames', clip_len=clip_len, num_clips=10,
         test_mode=True),
    dict(type='MMDecode'),
    dict(type='MMCompact', hw_ratio=1., allow_imgpad=True),
    dict(type='Resize', scale=(256, 256), keep_ratio=False),
    dict(type='GeneratePoseTarget', sigma=0.7, use_score=True, with_kp=True,
         with_limb=False, scaling=0.25),
    dict(type='FormatShape', input_format='NCTHW'),
    dict(type='PackActionInputs', collect_keys=('imgs', 'heatmap_imgs'))
]

train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(
        type=dataset_type,
        ann_file=ann_file,
        split='xsub_train',
        data_prefix=dict(video=video_root),
        pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=1,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(
        type=dataset_type,
        ann_file=ann_file,
        split='xsub_val',
        data_prefix=dict(video=video_root),
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
        split='xsub_val',
        data_prefix=dict(video=video_root),
        pipeline=test_pipeline,
        test_mode=True))

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator

# Reference: 8 GPUs x 6 samples (as in mmaction2).
auto_scale_lr = dict(enable=False, base_batch_size=48)
