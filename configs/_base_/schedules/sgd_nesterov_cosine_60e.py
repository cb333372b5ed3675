# sgd_nesterov_cosine_16e.py over 60 epochs, validation every 10: the 1D
# temporal CNN baseline (60 epochs as the model data.md measured).
_base_ = ['./sgd_nesterov_cosine_16e.py']

max_epochs = 60
train_cfg = dict(max_epochs=max_epochs, val_interval=10)
param_scheduler = [
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs, by_epoch=True,
         convert_to_iter_based=True)
]
