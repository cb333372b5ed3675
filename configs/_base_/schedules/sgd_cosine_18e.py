# SGD + per-iteration cosine annealing to 0 over 18 epochs: the RGB-only and
# Pose-only pre-training of RGBPose-Conv3D (with RepeatDataset(10): 180
# effective epochs). Leaf configs set lr and weight decay.
max_epochs = 18
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs, by_epoch=True,
         convert_to_iter_based=True)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.2, momentum=0.9, weight_decay=3e-4),
    clip_grad=dict(max_norm=40, norm_type=2))
