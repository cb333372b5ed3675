# Twice-finetune stage 1 at CPU size on Penn Action rendered as video (NOT
# real footage; make penn-rgb-data): plain ECO-Lite (fusion 'A', no pose
# stream) of pasnet_narrow.py, from scratch.
#   bash tools/dist_train.sh configs/pasnet/eco_penn_action_rendered.py 2
_base_ = [
    '../_base_/models/pasnet_narrow.py',
    '../_base_/datasets/penn_action_rendered/pasnet.py',
    '../_base_/schedules/pasnet_sgd_cosine_20e.py',
    '../_base_/default_runtime.py'
]

model = dict(backbone=dict(pose=None, fusion=dict(mode='A')))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
