# Action Machine (ResNet-50 pose CNN) on N-UCLA xview2 (test on
# view 2): nucla_xview3.py with the split changed.
_base_ = ['./nucla_xview3.py']

load_from = 'work_dirs/nucla_xview2_kps_rgb/epoch_85.pth'
train_dataloader = dict(dataset=dict(split='xview2_train'))
val_dataloader = test_dataloader = dict(dataset=dict(split='xview2_test'))
