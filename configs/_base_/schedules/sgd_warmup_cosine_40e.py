# SGD, 1 epoch of linear warm-up from lr/10, then cosine annealing to 0 over
# the other 39 epochs (per iteration); lr 0.1 for 16 clips on one device.
# Our CPU recipes (configs/posec3d/penn_action_*.py).
_base_ = ['./sgd_cosine.py']

max_epochs = 40
train_cfg = dict(max_epochs=max_epochs, val_interval=5)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
optim_wrapper = dict(optimizer=dict(lr=0.1))
auto_scale_lr = dict(enable=False, base_batch_size=16)
