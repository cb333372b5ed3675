# 2s-AGCN on N-UCLA xview1 (train views 2+3, test view 1), joint stream:
# agcn_nucla_xview3_joint.py with the xview1 splits. 16e = 16 epochs x
# RepeatDataset(1).
_base_ = ['./agcn_nucla_xview3_joint.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xview1_train')))
val_dataloader = dict(dataset=dict(split='xview1_test'))
test_dataloader = dict(dataset=dict(split='xview1_test'))
