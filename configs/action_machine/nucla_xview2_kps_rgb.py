# Action Machine stage 1 ("KPS RGBAction") on N-UCLA xview2 (test on
# view 2):
# nucla_xview3_kps_rgb.py with the split changed.
_base_ = ['./nucla_xview3_kps_rgb.py']

train_dataloader = dict(dataset=dict(split='xview2_train'))
val_dataloader = test_dataloader = dict(dataset=dict(split='xview2_test'))
