# Action Machine's recipe (Zhu et al. 2018, Sec. 4.3): SGD, momentum 0.9,
# weight decay 1e-4, lr 0.01 for 16 clips (4 GPUs x 4), divided by 10 at
# epochs 42 and 68 of 85; "The L1 norm of all gradients is clipped by 2
# independently" = MXNet's element-wise clip_gradient=2 (clip by value).
# "We report the top-1 accuracy using the model of the last epoch."
max_epochs = 85
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=max_epochs,
                 val_begin=1, val_interval=5)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True,
         milestones=[42, 68], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.01, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(type='value', clip_value=2))
auto_scale_lr = dict(enable=False, base_batch_size=16)
