# RPAN Sec. 4.1: SGD, momentum 0.9, weight decay 5e-4 (lambda_Theta), lr 0.1
# reduced to 0.01 after 40 (Sub-JHMDB) / 50 (Penn Action) epochs, 100 epochs,
# 16 videos per mini-batch. Sub-JHMDB's milestone here; Penn Action leaves
# set milestones=[50]. Gradient clipping is not in the paper; set
# optim_wrapper.clip_grad if lr 0.1 diverges.
max_epochs = 100
train_cfg = dict(
    type='EpochBasedTrainLoop', max_epochs=max_epochs, val_begin=1,
    val_interval=5)
val_cfg = dict(type='ValLoop')
test_cfg = dict(type='TestLoop')
param_scheduler = [
    dict(type='MultiStepLR', begin=0, end=max_epochs, by_epoch=True,
         milestones=[40], gamma=0.1)
]
optim_wrapper = dict(
    optimizer=dict(type='SGD', lr=0.1, momentum=0.9, weight_decay=5e-4))
auto_scale_lr = dict(enable=False, base_batch_size=16)
