# Sub-JHMDB (12 classes, 316 clips, 3 splits; Jhuang et al., ICCV 2013) for
# RPAN (Du et al., ICCV 2017, Sec. 4): the whole 240x320 frame, 8 segments
# (TSN sampling: one random frame per segment in training, the centres at
# test), mirroring, the joints' Gaussian attention targets (std 5 px) on the
# stride-32 grid (8x10). RGB: one frame per segment; flow: 5 stacked TV-L1
# fields (10 channels), targets on each stack's first field.
#   data/jhmdb/sub_jhmdb_gt.pkl   tools/data/jhmdb/convert.py --subset sub
#   data/jhmdb/frames/<video>/00001.png   (Rename_Images, flattened)
#   data/jhmdb/flow/<video>/flow_{x,y}_00001.jpg + annotations.pkl
#                                 tools/data/extract_flow.py --algo tvl1
# `split` (1-3) picks train<k>/test<k>: leaves set it and the dataloaders.
_base_ = ['../skeletons/jhmdb15.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/jhmdb/sub_jhmdb_gt.pkl'
frame_root = 'data/jhmdb/frames/'
flow_root = 'data/jhmdb/flow/'
flow_ann_file = flow_root + 'annotations.pkl'
num_classes = 12
num_segments = 8
frame_size = (320, 240)  # (w, h): whole frames
rgb_tmpl = '{:05d}.png'
target = dict(type='GenerateRPANPoseTarget', sigma=5., stride=32)
batch_size = 16
num_workers = 4
# ---------------------------------------------------

_build = __import__('mmaction_pose.datasets.rpan_pipeline',
                    fromlist=['*']).rpan_frame_pipeline
_args = dict(frame_size=frame_size, left_kp=_base_.left_kp,
             right_kp=_base_.right_kp, target=target, rgb_tmpl=rgb_tmpl,
             num_segments=num_segments)
rgb_train_pipeline = _build('RGB', False, **_args)
rgb_test_pipeline = _build('RGB', True, **_args)
flow_train_pipeline = _build('Flow', False, **_args)
flow_test_pipeline = _build('Flow', True, **_args)
del _build, _args

train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=True),
    dataset=dict(type=dataset_type, ann_file=ann_file,
                 data_prefix=dict(video=frame_root), split='train1',
                 pipeline=rgb_train_pipeline))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type=dataset_type, ann_file=ann_file,
                 data_prefix=dict(video=frame_root), split='test1',
                 pipeline=rgb_test_pipeline, test_mode=True))
test_dataloader = val_dataloader
val_evaluator = test_evaluator = [dict(type='AccMetric')]
