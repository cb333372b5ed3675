# The 1D temporal CNN baseline on N-UCLA xview1 (train views 2+3, test view 1):
# nucla_xview3.py with the xview1 splits. 60e = 60 epochs x
# RepeatDataset(1).
_base_ = ['./baseline1d_nucla_xview3.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xview1_train')))
val_dataloader = dict(dataset=dict(split='xview1_test'))
test_dataloader = dict(dataset=dict(split='xview1_test'))
