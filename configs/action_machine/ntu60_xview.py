# Action Machine (ResNet-50 pose CNN) on NTU RGB+D 60 cross-view
# (train on cameras 2 and 3, test on camera 1): ntu60_xsub.py
# with the split changed.
_base_ = ['./ntu60_xsub.py']

load_from = 'work_dirs/ntu60_xview_kps_rgb/epoch_85.pth'
train_dataloader = dict(dataset=dict(split='xview_train'))
val_dataloader = test_dataloader = dict(dataset=dict(split='xview_val'))
