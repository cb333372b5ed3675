# SGD, 1 epoch of linear warm-up from lr/10, then cosine annealing to 0 over
# the other 39 epochs (per iteration); lr 0.1 for 16 clips on one device.
# Our CPU recipes (configs/posec3d/penn_action_*.py).
_base_ = ['./sgd_cosine.py']

max_epochs = 40
train_cfg = dict(max_epochs=max_epochs, val_interval=5)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
optim_wrapper = dict(optimizer=dict(lr=0.1))
auto_scale_lr = dict(enable=False, base_batch_size=16)
