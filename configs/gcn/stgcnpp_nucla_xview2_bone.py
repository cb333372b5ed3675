# ST-GCN++ on N-UCLA xview2 (train views 1+3, test view 2), bone stream:
# stgcnpp_nucla_xview3_bone.py with the xview2 splits. 16e = 16 epochs x
# RepeatDataset(1).
_base_ = ['./stgcnpp_nucla_xview3_bone.py']

train_dataloader = dict(dataset=dict(dataset=dict(split='xview2_train')))
val_dataloader = dict(dataset=dict(split='xview2_test'))
test_dataloader = dict(dataset=dict(split='xview2_test'))
