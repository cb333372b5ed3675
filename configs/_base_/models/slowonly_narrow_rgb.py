# The RGB pathway of rgbposeconv3d_narrow.py trained alone (RGBPose-Conv3D
# pre-training stage 1 at CPU size; slowonly_r50_rgb.py reduced): SlowOnly
# with one ResNet-18 block per stage, 32 base channels, 1x5x5 stride-2 stem,
# stride-1 max pool, res4/res5 inflated 3x1x1, residual branches not
# zero-initialised (as posec3d_slowonly_narrow.py).
# Input (N, 3, 8, 64, 64) -> backbone (N, 256, 8, 4, 4) -> logits.
_base_ = ['./slowonly_r50_rgb.py']

model = dict(
    backbone=dict(
        depth=18,
        base_channels=32,
        stage_blocks=(1, 1, 1, 1),
        conv1_kernel=(1, 5, 5),
        pool1_stride_s=1,
        zero_init_residual=False),
    cls_head=dict(in_channels=256))
