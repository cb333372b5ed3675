# Action Machine (ResNet-50 pose CNN) on N-UCLA xview1 (test on
# view 1): nucla_xview3.py with the split changed.
_base_ = ['./nucla_xview3.py']

load_from = 'work_dirs/nucla_xview1_kps_rgb/epoch_85.pth'
train_dataloader = dict(dataset=dict(split='xview1_train'))
val_dataloader = test_dataloader = dict(dataset=dict(split='xview1_test'))
