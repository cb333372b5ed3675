# PoseConv3D with a narrow Pose-SlowOnly sized for a 2-core CPU (our CPU
# recipes: Penn Action, the synthetic quickstart): the narrow pose pathway
# of narrow_pathways.py (3 stages of one ResNet-18 block, 16 base channels,
# stride-2 5x5 stem) without pooling. Input (N, C, T, 32, 32) ->
# backbone (N, 64, T/2, 4, 4). Leaves set in_channels and num_classes.
_base_ = ['./posec3d_slowonly_r50.py', './narrow_pathways.py']

model = dict(
    backbone=dict(**_base_.narrow_pose_pathway, with_pool1=False),
    cls_head=dict(in_channels=64))
