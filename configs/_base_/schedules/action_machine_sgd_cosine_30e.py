# action_machine_sgd_cosine_16e.py over 30 epochs (1 warm-up epoch, then
# cosine): the CPU-size stage 1 from scratch on rendered Penn Action.
_base_ = ['./action_machine_sgd_cosine_16e.py']

max_epochs = 30
train_cfg = dict(max_epochs=max_epochs, val_interval=max_epochs)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
