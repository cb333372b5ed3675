# Action Machine stage 1 ("KPS RGBAction") at CPU size on Penn Action
# rendered as video (NOT real footage; make penn-rgb-data): the person-crop
# I3D with its RGB head and its pose branch, L = L_rgb + L_pose.
#   bash tools/dist_train.sh \
#       configs/action_machine/action_machine_penn_action_rendered_kps_rgb.py 2
_base_ = [
    '../_base_/models/action_machine_i3d_narrow.py',
    '../_base_/datasets/penn_action_rendered/action_machine.py',
    '../_base_/schedules/action_machine_sgd_cosine_30e.py',
    '../_base_/default_runtime.py'
]

model = dict(mode='rgb_kps', pose_backbone=None, pose_cls_head=None)
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
