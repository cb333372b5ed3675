# The CPU-sized SlowOnly pathways, defined once (our CPU recipes; the
# topology of the paper's SlowOnly / Pose-SlowOnly with reduced widths and
# depths): one ResNet-18 block per stage, a 1x5x5 stem, residual branches
# not zero-initialised (they learned faster in the Penn Action tuning runs,
# configs/posec3d/README.md).
# - pose: 16 base channels, stride-2 stem, 3 stages with spatial strides
#   (1, 2, 2): (N, C, T, 32, 32) -> (N, 64, T', 4, 4);
# - RGB: 32 base channels, stride-2 stem, stride-1 max pool, 4 stages:
#   (N, 3, 8, 64, 64) -> (N, 256, 8, 4, 4).
# Used by posec3d_slowonly_narrow.py, slowonly_narrow_rgb.py and
# rgbposeconv3d_narrow.py.
narrow_pose_pathway = dict(
    depth=18,
    base_channels=16,
    stage_blocks=(1, 1, 1),
    conv1_kernel=(1, 5, 5),
    conv1_stride_s=2,
    spatial_strides=(1, 2, 2),
    zero_init_residual=False)
narrow_rgb_pathway = dict(
    depth=18,
    base_channels=32,
    stage_blocks=(1, 1, 1, 1),
    conv1_kernel=(1, 5, 5),
    pool1_stride_s=1,
    zero_init_residual=False)
