# SGD, lr x0.1 at epochs 12 and 16 of 20: fine-tuning RGBPose-Conv3D from
# the merged single-pathway models (mmaction2's `rgbpose_conv3d.py`; the
# paper: "several epochs").
max_epochs = 20
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=1)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True,
         milestones=[12, 16], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.0075, momentum=0.9, weight_decay=1e-4),
    clip_grad=dict(max_norm=40, norm_type=2))
