# ECO-Lite (stage 1) on HMDB51 split 3, K=32: eco_ucf101_split1_8f.py
# with the dataset, split and K changed.
_base_ = ['./eco_ucf101_split1_8f.py']

_k, _root = 32, 'data/hmdb51/'
_build = __import__('mmaction_pose.datasets.pasnet_pipeline',
                    fromlist=['*']).pasnet_pipeline
_data = dict(data_prefix=dict(video=_root + 'videos'))
model = dict(cls_head=dict(num_classes=51))
train_dataloader = dict(dataset=dict(
    _data, ann_file=_root + 'hmdb51_train_split_3_videos.txt',
    pipeline=_build(False, _k)))
val_dataloader = test_dataloader = dict(dataset=dict(
    _data, ann_file=_root + 'hmdb51_val_split_3_videos.txt',
    pipeline=_build(True, _k)))
load_from = 'work_dirs/pretrained/eco_lite_kinetics.pth'
del _k, _root, _build, _data
