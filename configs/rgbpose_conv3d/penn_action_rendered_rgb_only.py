# RGBPose-Conv3D pre-training stage 1 at CPU size, on Penn Action rendered
# as video (NOT real footage; make penn-rgb-data): the RGB pathway of
# ../_base_/models/rgbposeconv3d_narrow.py alone, 8 frames of the 64x64
# person-centred crop, from scratch, test 10 clips.
#   bash tools/dist_train.sh configs/rgbpose_conv3d/penn_action_rendered_rgb_only.py 2
_base_ = [
    '../_base_/models/slowonly_narrow_rgb.py',
    '../_base_/datasets/penn_action_rendered/rgb.py',
    '../_base_/schedules/sgd_warmup_cosine_40e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    cls_head=dict(num_classes=15, dropout_ratio=0.2, label_smooth_eps=0.1))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=5, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
