# Action Machine at CPU size, from scratch: the paper's SGD (momentum 0.9,
# weight decay 1e-4, element-wise gradient clipping at 2, 16 clips a step)
# with lr 0.05 (no ImageNet init offline), 1 warm-up epoch then cosine over
# 16 epochs instead of 85 epochs with steps at 42 and 68 (2 CPU cores).
_base_ = ['./action_machine_sgd_85e.py']

max_epochs = 16
train_cfg = dict(max_epochs=max_epochs, val_interval=8)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
optim_wrapper = dict(optimizer=dict(lr=0.05))
