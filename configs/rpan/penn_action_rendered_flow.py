# RPAN's flow (temporal) stream at CPU size on Penn Action rendered as video
# (NOT real footage; make penn-flow-data): penn_action_rendered_rgb.py's
# model and schedule on 8 segments x 5 stacked DIS flow fields (10 input
# channels), targets on each stack's first field. Fuse with the RGB stream
# 1:2 (RGB:flow) by tools/fuse_scores.py.
#   bash tools/dist_train.sh configs/rpan/penn_action_rendered_flow.py 2
_base_ = [
    '../_base_/models/rpan_bninception_narrow.py',
    '../_base_/datasets/penn_action_rendered/rpan_flow.py',
    '../_base_/schedules/rpan_sgd_cosine_30e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(in_channels=10),
    # mmaction2's flow configs: the 0..255 quantised flow around 128.
    data_preprocessor=dict(mean=[128], std=[128]))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
