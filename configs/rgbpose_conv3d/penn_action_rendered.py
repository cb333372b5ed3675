# RGBPose-Conv3D (Duan et al., CVPR 2022, Sec. 3.3/4.5) at CPU size on Penn
# Action rendered as video (NOT real footage; make penn-rgb-data): the
# dual-pathway fine-tune of the merged single-pathway models
# (penn_action_rendered_rgb_only.py + penn_action_rendered_pose_only.py ->
# tools/merge_rgbpose_checkpoints.py --config this file). 8 RGB + 32 pose
# frames, one CE loss per pathway, test 10 clips, the two softmax scores
# added 1:1 (acc/RGBPose_1:1_top1). README.md: commands and results.
#   bash tools/dist_train.sh configs/rgbpose_conv3d/penn_action_rendered.py 2
_base_ = [
    '../_base_/models/rgbposeconv3d_narrow.py',
    '../_base_/datasets/penn_action_rendered/rgbpose.py',
    '../_base_/schedules/sgd_multistep_20e.py',
    '../_base_/default_runtime.py'
]

model = dict(cls_head=dict(num_classes=15))
# mmaction2's fine-tune (20 epochs, lr x0.1 at 12 and 16) halved to fit a
# 2-core CPU: 10 epochs, steps at 6 and 8; lr 0.01 for 16 clips (4x
# mmaction2's per-clip lr, like our single-pathway CPU recipes).
max_epochs = 10
train_cfg = dict(max_epochs=max_epochs, val_interval=5)
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True,
         milestones=[6, 8], gamma=0.1)
]
optim_wrapper = dict(optimizer=dict(lr=0.01))
load_from = 'work_dirs/rgbpose_conv3d_penn_action_rendered_init.pth'
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=1, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
