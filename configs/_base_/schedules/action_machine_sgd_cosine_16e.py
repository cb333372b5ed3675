# Action Machine at CPU size, from scratch: the paper's SGD (momentum 0.9,
# weight decay 1e-4, element-wise gradient clipping at 2, 16 clips a step)
# with lr 0.05 (no ImageNet init offline), 1 warm-up epoch then cosine over
# 16 epochs instead of 85 epochs with steps at 42 and 68 (2 CPU cores).
_base_ = ['./action_machine_sgd_85e.py']

max_epochs = 16
train_cfg = dict(max_epochs=max_epochs, val_interval=8)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
optim_wrapper = dict(optimizer=dict(lr=0.05))
