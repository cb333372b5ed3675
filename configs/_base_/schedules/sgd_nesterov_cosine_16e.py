# mmaction2's ST-GCN++ / 2s-AGCN schedule (SGD, Nesterov momentum 0.9,
# weight decay 5e-4, per-iteration cosine annealing to 0), 16 epochs. lr 0.1
# for 16 clips on one device (mmaction2: 0.1 for 8 x 16; CTR-GCN trains
# N-UCLA with 0.1 for 16). Validation every 4 epochs. Our CPU GCN configs.
max_epochs = 16
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=4)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs, by_epoch=True,
         convert_to_iter_based=True)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.1, momentum=0.9, weight_decay=5e-4,
                   nesterov=True))
auto_scale_lr = dict(enable=False, base_batch_size=16)
