# action_machine_sgd_cosine_16e.py over 30 epochs (1 warm-up epoch, then
# cosine): the CPU-size stage 1 from scratch on rendered Penn Action.
_base_ = ['./action_machine_sgd_cosine_16e.py']

max_epochs = 30
train_cfg = dict(max_epochs=max_epochs, val_interval=max_epochs)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
