# Kinetics-400, 2D HRNet poses in the compressed format: a table of contents
# (`k400_2d.pkl`) plus one keypoint file per video (`data/skeleton/kpfiles`):
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/k400_2d.pkl -P data/skeleton/
#   kpfiles: OpenXLab OpenMMLab/Kinetics400-skeleton -> data/skeleton/kpfiles/
# Recipe of mmaction2 1.2.0's `slowonly_r50_8xb32-u48-240e_k400-keypoint.py`:
# the PoseConv3D keypoint recipe (./posec3d/keypoint.py) with persons of box
# score < 0.5 dropped, `DecompressPose` first, batch 32, and val/test resized
# straight to 64x64 (no CenterCrop).
_base_ = ['./posec3d/keypoint.py']

# ---- parameters that often need to be modified ----
ann_file = 'data/skeleton/k400_2d.pkl'
kp_root = 'data/skeleton/kpfiles'
box_thr = 0.5
num_classes = 400
batch_size = 32  # per GPU, 8 GPUs (auto_scale_lr below)
# ---------------------------------------------------

train_pipeline = [
    dict(type='DecompressPose', squeeze=True), *_base_.train_pipeline
]
val_pipeline, test_pipeline = ([
    dict(type='DecompressPose', squeeze=True),
    *p[:3],  # clips, person box
    dict(type='Resize', scale=(64, 64), keep_ratio=False),
    *p[-3:]  # heatmaps
] for p in (_base_.val_pipeline, _base_.test_pipeline))
# Compressed skeletons: per-video keypoint files, low-score persons dropped.
_k400 = dict(
    ann_file=ann_file, box_thr=box_thr, data_prefix=dict(skeleton=kp_root))
train_dataloader = dict(
    batch_size=batch_size,
    dataset=dict(
        dataset=dict(split='train', pipeline=train_pipeline, **_k400)))
val_dataloader = dict(
    batch_size=batch_size,
    dataset=dict(split='val', pipeline=val_pipeline, **_k400))
test_dataloader = dict(
    dataset=dict(split='val', pipeline=test_pipeline, **_k400))
del _k400

# Reference: 8 GPUs x 32 clips (as in mmaction2).
auto_scale_lr = dict(base_batch_size=256)
