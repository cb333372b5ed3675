# PoseConv3D with a narrow Pose-SlowOnly sized for a 2-core CPU (our CPU
# recipes: Penn Action, the synthetic quickstart): 3 stages of one ResNet-18
# block, 16 base channels, stride-2 5x5 stem without pooling, residual
# branches not zero-initialised (they learned faster in the Penn Action
# tuning runs, configs/posec3d/README.md). Input (N, C, T, 32, 32) ->
# backbone (N, 64, T/2, 4, 4). Leaves set in_channels and num_classes.
_base_ = ['./posec3d_slowonly_r50.py']

model = dict(
    backbone=dict(
        depth=18,
        base_channels=16,
        stage_blocks=(1, 1, 1),
        conv1_kernel=(1, 5, 5),
        conv1_stride_s=2,
        with_pool1=False,
        spatial_strides=(1, 2, 2),
        zero_init_residual=False),
    cls_head=dict(in_channels=64))
