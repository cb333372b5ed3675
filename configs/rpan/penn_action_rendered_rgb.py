# RPAN's RGB stream at CPU size on Penn Action rendered as video (NOT real
# footage; make penn-rgb-data): BN-Inception cube -> part-shared pose
# attention inside an LSTM, a prediction and a loss at every step, Gaussian
# attention targets (the paper's topology, reduced widths, from scratch).
#   bash tools/dist_train.sh configs/rpan/penn_action_rendered_rgb.py 2
_base_ = [
    '../_base_/models/rpan_bninception_narrow.py',
    '../_base_/datasets/penn_action_rendered/rpan_rgb.py',
    '../_base_/schedules/rpan_sgd_cosine_30e.py',
    '../_base_/default_runtime.py'
]

default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
