# Action Machine stage 2 ("KPS PoseAction RGBAction") at CPU size on Penn
# Action rendered as video (NOT real footage): stage 1 fixed (I3D, RGB head,
# pose branch; eval mode), only the pose-image ResNet-18 and its classifier
# train on the poses the pose branch estimates. Test: RGB + pose softmax.
# 16 epochs (the first three runs); the shipped model's stage 2 is
# action_machine_penn_action_rendered_48e.py (48 epochs, chosen on train_val).
#   bash tools/dist_train.sh \
#       configs/action_machine/action_machine_penn_action_rendered.py 2
# (load_from: stage 1's last checkpoint, 30 + 30 epochs: the _kps_rgb.py
# run continued by _kps_rgb_more.py, in its default work dir)
_base_ = [
    '../_base_/models/action_machine_i3d_narrow.py',
    '../_base_/datasets/penn_action_rendered/action_machine.py',
    '../_base_/schedules/action_machine_sgd_cosine_16e.py',
    '../_base_/default_runtime.py'
]

model = dict(mode='pose_cls_only')
load_from = ('work_dirs/action_machine_penn_action_rendered_kps_rgb_more/'
             'epoch_30.pth')
train_cfg = dict(val_interval=16)  # the last epoch only
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=4, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
