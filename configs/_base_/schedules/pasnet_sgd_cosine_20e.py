# PAS-Net at CPU size: the paper's SGD (momentum 0.9, weight decay 5e-4,
# gradient-norm clipping 20 as the TSN / ECO code) with lr 0.02 from scratch
# (no Kinetics ECO offline; stage-2 leaves lower it), 1 warm-up epoch, then
# cosine over 20 epochs instead of 80 with steps.
_base_ = ['./pasnet_sgd_80e.py']

max_epochs = 20
train_cfg = dict(max_epochs=max_epochs, val_interval=10)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
optim_wrapper = dict(optimizer=dict(lr=0.02))
