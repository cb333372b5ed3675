# The 1D temporal CNN baseline on N-UCLA xview2 (train views 1+3, test view 2):
# nucla_xview3.py with the xview2 splits. 60e = 60 epochs x
# RepeatDataset(1).
_base_ = ['./baseline1d_nucla_xview3.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xview2_train')))
val_dataloader = dict(dataset=dict(split='xview2_test'))
test_dataloader = dict(dataset=dict(split='xview2_test'))
