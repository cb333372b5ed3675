# Action Machine stage 1 ("KPS RGBAction") on N-UCLA xview1 (test on
# view 1):
# nucla_xview3_kps_rgb.py with the split changed.
_base_ = ['./nucla_xview3_kps_rgb.py']

train_dataloader = dict(dataset=dict(split='xview1_train'))
val_dataloader = test_dataloader = dict(dataset=dict(split='xview1_test'))
