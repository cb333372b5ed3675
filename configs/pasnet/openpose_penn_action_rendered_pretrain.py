# Pre-training of PAS-Net's pose stream (N_pose = OpenPoseVGG19, Sec. III-A)
# at CPU size on Penn Action rendered as video (NOT real footage; make
# penn-rgb-data) with the rendered frames' GROUND-TRUTH joints: OpenPose's
# intermediate supervision (Cao et al., CVPR 2017, Sec. 2.1, Eq. 3-5) of
# every stage's heatmaps (+ background) and PAFs. This is NOT OpenPose's
# COCO training and gives no OpenPose weights: offline there are none, and
# this stands in for "the initialized weights ... come from Openpose" on our
# benchmark. Its checkpoint loads as OpenPoseVGG19(pretrained=...) (the
# `backbone.` prefix is stripped) with the same width_mult / heads.
#   bash tools/dist_train.sh \
#       configs/pasnet/openpose_penn_action_rendered_pretrain.py 2
# Schedule (ours): Adam lr 1e-3, 1 warm-up epoch then cosine to 0 over 10
# epochs, global-norm clipping at 40; validation = PCK@0.2 of the argmax
# joints on 4 frames of every test video.
_base_ = [
    '../_base_/models/openpose_narrow_pretrain.py',
    '../_base_/datasets/penn_action_rendered/openpose.py',
    '../_base_/default_runtime.py'
]

max_epochs = 10
train_cfg = dict(type='EpochBasedTrainLoop', max_epochs=max_epochs,
                 val_begin=1, val_interval=5)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
optim_wrapper = dict(
    optimizer=dict(type='Adam', lr=1e-3, weight_decay=0.),
    clip_grad=dict(max_norm=40, norm_type=2))
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
auto_scale_lr = dict(enable=False, base_batch_size=16)
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=1, save_best='pose/pck@0.2', rule='greater',
                    max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
