# sgd_warmup_cosine_40e.py for 60 epochs: 1 epoch of linear warm-up from
# lr/10, then cosine annealing to 0 over the other 59 (per iteration). The
# custom recipe's schedule (configs/posec3d/custom_keypoint.py): held-out
# N-UCLA views favoured it over 40 epochs on both seeds.
_base_ = ['./sgd_warmup_cosine_40e.py']

max_epochs = 60
train_cfg = dict(max_epochs=max_epochs)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
