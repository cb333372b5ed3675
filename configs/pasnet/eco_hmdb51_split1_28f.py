# ECO-Lite (stage 1) on HMDB51 split 1, K=28: eco_ucf101_split1_8f.py
# with the dataset, split and K changed.
_base_ = ['./eco_ucf101_split1_8f.py']

_set = __import__('mmaction_pose.datasets.pasnet_pipeline',
                  fromlist=['*']).pasnet_video_data('hmdb51', 1, 28)
model = dict(cls_head=dict(num_classes=_set['num_classes']))
train_dataloader = _set['train']
val_dataloader = test_dataloader = _set['val']
load_from = 'work_dirs/pretrained/eco_lite_kinetics.pth'
del _set
