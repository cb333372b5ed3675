# SGD, lr x0.1 at epochs 9 and 11 of 12: PoseConv3D fine-tuning from
# Kinetics-400 (mmaction2's UCF101/HMDB51 configs). With RepeatDataset(10)
# that is 120 effective epochs.
max_epochs = 12
base_lr = 0.01
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True,
         milestones=[9, 11], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=base_lr, momentum=0.9, weight_decay=3e-4),
    clip_grad=dict(max_norm=40, norm_type=2))
