# 2s-AGCN on N-UCLA xview2 (train views 1+3, test view 2), joint stream:
# agcn_nucla_xview3_joint.py with the xview2 splits. 16e = 16 epochs x
# RepeatDataset(1).
_base_ = ['./agcn_nucla_xview3_joint.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xview2_train')))
val_dataloader = dict(dataset=dict(split='xview2_test'))
test_dataloader = dict(dataset=dict(split='xview2_test'))
