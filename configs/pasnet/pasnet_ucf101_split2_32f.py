# PAS-Net (stage 2) on UCF101 split 2, K=32: pasnet_ucf101_split1_8f.py
# with the dataset, split and K changed.
_base_ = ['./pasnet_ucf101_split1_8f.py']

_set = __import__('mmaction_pose.datasets.pasnet_pipeline',
                  fromlist=['*']).pasnet_video_data('ucf101', 2, 32)
model = dict(cls_head=dict(num_classes=_set['num_classes']))
train_dataloader = _set['train']
val_dataloader = test_dataloader = _set['val']
load_from = 'work_dirs/eco_ucf101_split2_32f/pasnet_init.pth'
del _set
