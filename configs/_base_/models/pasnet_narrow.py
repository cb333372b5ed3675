# PAS-Net at CPU size (the topology of pasnet.py): BN-Inception to
# inception_3c_double_3x3_1 at 1/4 width (24 channels), OpenPose's VGG-19
# at 1/4 width with 3 of 6 stages, Penn-13 heads (14 heatmaps, 28 PAFs; the
# pose stream pre-trained by openpose_penn_action_rendered_pretrain.py),
# fusion A + 0.5 pool(I) + pool(F) (32 -> 24 channels: the paper's
# 128 -> 96 ratio), ECO's 3D-ResNet-18 part at 1/2 width (256-d), from
# scratch otherwise. (N, 3, 8, 96, 96) -> (N, 256, 2, 3, 3).
_base_ = ['./pasnet.py']
_penn = __import__('mmaction_pose.structures.skeleton_layouts',
                   fromlist=['*']).layout_lists('penn13')
model = dict(
    backbone=dict(
        appearance=dict(width_mult=0.25),
        pose=dict(width_mult=0.25, num_stages=3,
                  num_heatmaps=_penn['num_joints'] + 1,
                  num_pafs=2 * len(_penn['skeletons'])),
        st=dict(width_mult=0.5)),
    cls_head=dict(num_classes=15, in_channels=256))
del _penn
