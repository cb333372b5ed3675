# PA3D on Charades (Yan et al., CVPR 2019, §4): Adam, initial lr 0.01 (the
# one lr the paper states; lower it to 1e-3 if training diverges), 60 epochs,
# batch 256. The schedule is not given: lr x0.1 at epochs 30 and 45 (ours).
max_epochs = 60
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=5)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', by_epoch=True, begin=0, end=max_epochs,
         milestones=[30, 45], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='Adam', lr=0.01, weight_decay=0.),
    clip_grad=dict(max_norm=40, norm_type=2))
auto_scale_lr = dict(enable=False, base_batch_size=256)
