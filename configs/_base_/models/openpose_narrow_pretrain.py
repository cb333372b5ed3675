# PAS-Net's pose stream N_pose at CPU size, for its pre-training with
# OpenPose's intermediate supervision (OpenPosePretrainer: an L2 loss on
# every stage's heatmaps and PAFs, Cao et al. CVPR 2017, Sec. 2.1): the
# topology of OpenPose's VGG-19 body network (OpenPoseVGG19) at 1/4 of its
# widths (32-channel stages), 3 of its 6 stages, Penn Action's 13 joints +
# the background (14 heatmaps) and 2 x 14 Penn limbs (28 PAFs), Kaiming
# init (no ImageNet VGG-19 offline). Frames (N*T, 3, 96, 96) of 0-255 RGB
# (the backbone normalises them) -> maps (N*T, 14 | 28, 12, 12).
_penn = __import__('mmaction_pose.structures.skeleton_layouts',
                   fromlist=['*']).layout_lists('penn13')
model = dict(
    type='OpenPosePretrainer',
    backbone=dict(type='OpenPoseVGG19', num_stages=3,
                  num_heatmaps=_penn['num_joints'] + 1,
                  num_pafs=2 * len(_penn['skeletons']), width_mult=0.25,
                  exclude_background=True),
    loss_weight=1.0,
    stride=8,
    data_preprocessor=dict(type='ActionDataPreprocessor', mean=None,
                           std=None, format_shape='NCHW'))
del _penn
