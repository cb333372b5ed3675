# NTU RGB+D 60, cross-view split (`xview_train` / `xview_val` of
# data/skeleton/ntu60_2d.pkl); the NTU60-XSub keypoint base otherwise.
_base_ = ['./ntu60_xsub_keypoint.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xview_train')))
val_dataloader = dict(dataset=dict(split='xview_val'))
test_dataloader = dict(dataset=dict(split='xview_val'))
