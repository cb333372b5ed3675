# PAS-Net's optimizer (Sec. III-D): SGD, lr 0.001, momentum 0.9, weight
# decay 5e-4. Not given in the paper (the TSN / ECO code-base convention):
# 80 epochs with lr x0.1 at 30 and 60, gradient-norm clipping at 20, 16
# videos per step; stage 1 and stage 2 use the same schedule.
max_epochs = 80
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=max_epochs,
                 val_begin=1, val_interval=5)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True,
         milestones=[30, 60], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.001, momentum=0.9, weight_decay=5e-4),
    clip_grad=dict(max_norm=20, norm_type=2))
auto_scale_lr = dict(enable=False, base_batch_size=16)
