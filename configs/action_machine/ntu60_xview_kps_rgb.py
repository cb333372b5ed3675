# Action Machine stage 1 ("KPS RGBAction") on NTU RGB+D 60 cross-view
# (train on cameras 2 and 3, test on camera 1):
# ntu60_xsub_kps_rgb.py with the split changed.
_base_ = ['./ntu60_xsub_kps_rgb.py']

train_dataloader = dict(dataset=dict(split='xview_train'))
val_dataloader = test_dataloader = dict(dataset=dict(split='xview_val'))
