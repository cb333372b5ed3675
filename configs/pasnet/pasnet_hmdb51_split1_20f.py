# PAS-Net (stage 2) on HMDB51 split 1, K=20: pasnet_ucf101_split1_8f.py
# with the dataset, split and K changed.
_base_ = ['./pasnet_ucf101_split1_8f.py']

_set = __import__('mmaction_pose.datasets.pasnet_pipeline',
                  fromlist=['*']).pasnet_video_data('hmdb51', 1, 20)
model = dict(cls_head=dict(num_classes=_set['num_classes']))
train_dataloader = _set['train']
val_dataloader = test_dataloader = _set['val']
load_from = 'work_dirs/eco_hmdb51_split1_20f/pasnet_init.pth'
del _set
