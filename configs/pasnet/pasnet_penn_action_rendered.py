# Twice-finetune stage 2 at CPU size on Penn Action rendered as video (NOT
# real footage): PAS-Net (pasnet_narrow.py, A + 0.5 pool(I) + pool(F))
# initialised from stage 1 and the pose stream pre-trained on the rendered
# frames with their ground-truth joints, fine-tuned end to end at lr 0.005
# for 6 epochs (both streams start trained; 1.9 s per step on 2 CPU
# processes, 15 min, so the four fusions of the comparison fit in an hour).
#   bash tools/dist_train.sh \
#       configs/pasnet/openpose_penn_action_rendered_pretrain.py 2
#   bash tools/dist_train.sh configs/pasnet/eco_penn_action_rendered.py 2
#   python tools/merge_pasnet_checkpoints.py \
#       work_dirs/eco_penn_action_rendered/epoch_30.pth \
#       work_dirs/openpose_penn_action_rendered_pretrain/epoch_10.pth \
#       work_dirs/eco_penn_action_rendered/pasnet_init.pth \
#       --config configs/pasnet/pasnet_penn_action_rendered.py
#   bash tools/dist_train.sh configs/pasnet/pasnet_penn_action_rendered.py 2
_base_ = [
    '../_base_/models/pasnet_narrow.py',
    '../_base_/datasets/penn_action_rendered/pasnet.py',
    '../_base_/schedules/pasnet_sgd_cosine_20e.py',
    '../_base_/default_runtime.py'
]

load_from = 'work_dirs/eco_penn_action_rendered/pasnet_init.pth'
max_epochs = 6
train_cfg = dict(max_epochs=max_epochs, val_interval=3)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
optim_wrapper = dict(optimizer=dict(lr=0.005))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=3, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
