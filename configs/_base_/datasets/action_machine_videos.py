# Person-centric videos + COCO-17 pseudo poses for Action Machine (Zhu et
# al. 2018, Sec. 4.1-4.3). Defaults: NTU RGB+D 60 cross-subject, stride 8
# (Table 2), 8-frame clips, 224x224 person crops, 10 clips x 3 box crops at
# test. The annotation pickle is mmaction2's PoseDataset format with a
# `filename` (the video) per sample, `keypoint`/`keypoint_score` (COCO-17
# pseudo ground truth: mmaction2's ntu60_2d.pkl, or
# tools/data/extract_poses.py on your videos) and optionally `box`/
# `box_score` (person detections, kept at score >= 0.99; without them the
# box encloses every joint). Dataset bases set the stride and split.
_base_ = ['../skeletons/coco17.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/skeleton/ntu60_2d.pkl'
video_root = 'data/nturgbd_videos/'
num_classes = 60
frame_interval = 8
train_split, test_split = 'xsub_train', 'xsub_val'
batch_size = 4  # per GPU, 4 GPUs (the paper's 16 clips)
num_workers = 4
# ---------------------------------------------------

_build = __import__('mmaction_pose.datasets.action_machine_pipeline',
                    fromlist=['*']).person_crop_pipeline
train_pipeline = _build(False, frame_interval, _base_.left_kp,
                        _base_.right_kp)
val_pipeline = test_pipeline = _build(True, frame_interval, _base_.left_kp,
                                      _base_.right_kp)
del _build

_data = dict(type=dataset_type, ann_file=ann_file,
             data_prefix=dict(video=video_root))
train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(_data, split=train_split, pipeline=train_pipeline))
val_dataloader = dict(
    batch_size=1,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(_data, split=test_split, pipeline=val_pipeline,
                 test_mode=True))
test_dataloader = val_dataloader
del _data

val_evaluator = test_evaluator = [
    dict(type='AccMetric'),
    dict(type='KeypointPCKMetric', thr=0.2)
]
