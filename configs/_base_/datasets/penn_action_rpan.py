# Penn Action (15 classes, 2326 clips, official split; Zhang et al., ICCV
# 2013) for RPAN (Du et al., ICCV 2017, Sec. 4): the whole frame resized to
# 480x270, 8 segments (TSN sampling: one random frame per segment in
# training, the centres at test), mirroring, the joints' Gaussian attention
# targets (std 5 px) on the stride-32 grid (9x15). RGB: one frame per segment; flow: 5 stacked TV-L1
# fields (10 channels), targets on each stack's first field.
#   data/penn_action/penn_action.pkl   tools/data/penn_action/convert.py
#   data/penn_action/frames/<frame_dir>/000001.jpg   (the dataset's frames/)
#   data/penn_action/flow/<frame_dir>/flow_{x,y}_00001.jpg + annotations.pkl
#                                 tools/data/extract_flow.py --algo tvl1
# Splits: the dataset's train/test flags.
_base_ = ['../skeletons/penn13.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/penn_action/penn_action.pkl'
frame_root = 'data/penn_action/frames/'
flow_root = 'data/penn_action/flow/'
flow_ann_file = flow_root + 'annotations.pkl'
num_classes = 15
num_segments = 8
frame_size = (480, 270)  # (w, h): the paper's 270x480
rgb_tmpl = '{:06d}.jpg'
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
                 data_prefix=dict(video=frame_root), split='train',
                 pipeline=rgb_train_pipeline))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    persistent_workers=True,
    sampler=dict(type='DefaultSampler', shuffle=False),
    dataset=dict(type=dataset_type, ann_file=ann_file,
                 data_prefix=dict(video=frame_root), split='test',
                 pipeline=rgb_test_pipeline, test_mode=True))
test_dataloader = val_dataloader
val_evaluator = test_evaluator = [dict(type='AccMetric')]
