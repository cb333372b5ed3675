# nucla_xview3_v1to2_penn_recipe.py trained for 60 epochs instead of 40
# (warm-up 1 epoch, cosine to 0; since then the custom recipe's default):
# the Penn recipe's validation accuracy on N-UCLA still rises at its last
# epoch. 60 epochs of the full xview3 training set take ~16 min on 2
# cores, within the 20-min budget.
_base_ = ['./nucla_xview3_v1to2_penn_recipe.py']
train_cfg = dict(max_epochs=60)
param_scheduler = __import__(
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(60)
