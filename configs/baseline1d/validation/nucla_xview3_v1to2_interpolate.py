# Cross-view validation of the 1D baseline's clip sampling, carved from
# N-UCLA xview3's training views (make nucla-data): train on view 1
# (xview3_train_keep), test on view 2 (xview3_train_hold); the test view 3
# is never used. This leaf: the default, InterpolateSampleFrames (the whole
# sequence linearly resampled to 32 frames).
_base_ = ['../baseline1d_nucla_xview3.py']
train_dataloader = dict(dataset=dict(dataset=dict(split='xview3_train_keep')))
val_dataloader = dict(dataset=dict(split='xview3_train_hold'))
test_dataloader = dict(dataset=dict(split='xview3_train_hold'))
