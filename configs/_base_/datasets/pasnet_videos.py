# RGB videos for PAS-Net / ECO (mmaction2's VideoDataset: a text file of
# `path label` lines). Defaults: UCF101 split 1 (mmaction2's
# tools/data/ucf101 layout), K = 8 frames. Leaves pick the dataset, split
# and K and rebuild the pipelines with `pasnet_pipeline(test_mode, K)`.
# ---- parameters that often need to be modified ----
dataset_type = 'VideoDataset'
data_root = 'data/ucf101/videos'
ann_file_train = 'data/ucf101/ucf101_train_split_1_videos.txt'
ann_file_test = 'data/ucf101/ucf101_val_split_1_videos.txt'
num_frames = 8
batch_size = 16  # the spec's choice; the paper gives none
num_workers = 4
# ---------------------------------------------------

_build = __import__('mmaction_pose.datasets.pasnet_pipeline',
                    fromlist=['*']).pasnet_pipeline
train_pipeline = _build(False, num_frames)
val_pipeline = test_pipeline = _build(True, num_frames)
del _build

train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type=dataset_type, ann_file=ann_file_train,
                 data_prefix=dict(video=data_root), pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type=dataset_type, ann_file=ann_file_test,
                 data_prefix=dict(video=data_root), pipeline=val_pipeline,
                 test_mode=True))
test_dataloader = val_dataloader
val_evaluator = test_evaluator = [dict(type='AccMetric')]
