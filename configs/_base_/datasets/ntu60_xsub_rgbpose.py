# NTU RGB+D 60 cross-subject, RGB videos + 2D poses (RGBPose-Conv3D):
#   poses:  wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/ntu60_2d.pkl -P data/skeleton/
#   videos: NTU RGB+D *_rgb.avi (1920x1080) -> data/nturgbd_raw/, then
#           python <mmaction2>/tools/data/skeleton/compress_nturgbd.py
#           -> data/nturgbd_videos/<frame_dir>.mp4 (960x540)
# Values of mmaction2 1.2.0's `rgbpose_conv3d/rgbpose_conv3d.py`: 8 RGB and
# 32 pose frames sampled independently and uniformly; the person-centred crop
# of `ntu60_xsub_rgb.py` for both modalities, RGB 224x224 for training
# (256x256 for val/test), heatmaps 1/4 of that (scaling=0.25, sigma=0.7).
# Test: 10 clips, no flip. Batch 6, no RepeatDataset.
_base_ = ['./ntu60_xsub_rgb.py']

# ---- parameters that often need to be modified ----
clip_len = dict(RGB=8, Pose=32)
batch_size = 6  # per GPU, 8 GPUs (auto_scale_lr below)
# ---------------------------------------------------

_heatmaps = [
    dict(type='GeneratePoseTarget', sigma=0.7, use_score=True, with_kp=True,
         with_limb=False, scaling=0.25),
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
    *p[1:3],  # decode, person box
    dict(type='Resize', scale=(256, 256), keep_ratio=False),
    *_heatmaps
] for p in (_base_.val_pipeline, _base_.test_pipeline))
del _heatmaps
train_dataloader = dict(
    batch_size=batch_size,
    # No RepeatDataset: its inner PoseDataset replaces the wrapper wholesale.
    dataset=dict(
        _base_.train_dataloader.dataset.dataset,
        _delete_=True,
        pipeline=train_pipeline))
val_dataloader = dict(batch_size=1, dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))

# Reference: 8 GPUs x 6 samples (as in mmaction2).
auto_scale_lr = dict(base_batch_size=48)
