# PAS-Net at CPU size: the paper's SGD (momentum 0.9, weight decay 5e-4,
# gradient-norm clipping 20 as the TSN / ECO code) with lr 0.02 from scratch
# (no Kinetics ECO offline; stage-2 leaves lower it), 1 warm-up epoch, then
# cosine over 20 epochs instead of 80 with steps.
_base_ = ['./pasnet_sgd_80e.py']

max_epochs = 20
train_cfg = dict(max_epochs=max_epochs, val_interval=10)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
optim_wrapper = dict(optimizer=dict(lr=0.02))
