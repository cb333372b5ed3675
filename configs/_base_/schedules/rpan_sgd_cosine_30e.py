# RPAN at CPU size, from scratch: SGD (momentum 0.9, weight decay 5e-4 as
# the paper), 1 warm-up epoch then cosine over 30 epochs, 16 videos per
# step, gradient-norm clipping at 20. lr 0.02, not the paper's 0.1: 0.1 is
# for a frozen pretrained cube and diverges from scratch with the loss
# summed over 8 steps (pilot: chance-level loss after 5 epochs at 0.1, 26 %
# top-1 after 3 at 0.02).
_base_ = ['./rpan_sgd_100e.py']

max_epochs = 30
train_cfg = dict(max_epochs=max_epochs, val_interval=10)
param_scheduler = __import__(  # 1 warm-up epoch, then cosine to 0
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(max_epochs)
optim_wrapper = dict(optimizer=dict(lr=0.02),
                     clip_grad=dict(max_norm=20, norm_type=2))
