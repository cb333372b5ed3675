# UCF101 split 1; 2D HRNet COCO-17 poses:
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/ucf101_2d.pkl -P data/skeleton/
# Fine-tuning recipe of mmaction2 1.2.0's slowonly_kinetics400-pretrained-
# r50_8xb16-u48-120e_ucf101-split1-keypoint.py: the PoseConv3D keypoint
# recipe (./posec3d/keypoint.py) with smaller heatmaps, 48x48 for training
# (NTU: 56x56) and short side 56 + 56x56 centre crop for val/test (NTU: 64).
_base_ = ['./posec3d/keypoint.py']

ann_file = 'data/skeleton/ucf101_2d.pkl'
num_classes = 101

train_pipeline = [
    *_base_.train_pipeline[:3],  # clips, person box
    dict(type='Resize', scale=(-1, 64)),
    dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
    dict(type='Resize', scale=(48, 48), keep_ratio=False),
    *_base_.train_pipeline[-4:]  # flip, heatmaps
]
val_pipeline, test_pipeline = ([
    *p[:3],
    dict(type='Resize', scale=(-1, 56)),
    dict(type='CenterCrop', crop_size=56),
    *p[-3:]
] for p in (_base_.val_pipeline, _base_.test_pipeline))
train_dataloader = dict(
    dataset=dict(
        dataset=dict(
            ann_file=ann_file, split='train1', pipeline=train_pipeline)))
val_dataloader = dict(
    dataset=dict(ann_file=ann_file, split='test1', pipeline=val_pipeline))
test_dataloader = dict(
    dataset=dict(ann_file=ann_file, split='test1', pipeline=test_pipeline))
