# ECO-Lite (stage 1) on UCF101 split 2, K=32: eco_ucf101_split1_8f.py
# with the dataset, split and K changed.
_base_ = ['./eco_ucf101_split1_8f.py']

_k, _root = 32, 'data/ucf101/'
_build = __import__('mmaction_pose.datasets.pasnet_pipeline',
                    fromlist=['*']).pasnet_pipeline
_data = dict(data_prefix=dict(video=_root + 'videos'))
model = dict(cls_head=dict(num_classes=101))
train_dataloader = dict(dataset=dict(
    _data, ann_file=_root + 'ucf101_train_split_2_videos.txt',
    pipeline=_build(False, _k)))
val_dataloader = test_dataloader = dict(dataset=dict(
    _data, ann_file=_root + 'ucf101_val_split_2_videos.txt',
    pipeline=_build(True, _k)))
load_from = 'work_dirs/pretrained/eco_lite_kinetics.pth'
del _k, _root, _build, _data
