# NTU RGB+D 120, cross-setup split (`xset_train` / `xset_val` of
# data/skeleton/ntu120_2d.pkl); the NTU120-XSub keypoint base otherwise.
_base_ = ['./ntu120_xsub_keypoint.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xset_train')))
val_dataloader = dict(dataset=dict(split='xset_val'))
test_dataloader = dict(dataset=dict(split='xset_val'))
