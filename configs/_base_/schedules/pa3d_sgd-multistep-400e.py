# PA3D on HMDB51 (Yan et al., CVPR 2019, §4): "standard SGD", initial lr 0.01,
# 400 epochs, batch 64. Momentum, weight decay and the lr schedule are not
# given: momentum 0.9, weight decay 1e-4, lr x0.1 at 50 % and 75 % (ours).
max_epochs = 400
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=10)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', by_epoch=True, begin=0, end=max_epochs,
         milestones=[max_epochs // 2, max_epochs * 3 // 4], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(max_norm=40, norm_type=2))
auto_scale_lr = dict(enable=False, base_batch_size=64)
