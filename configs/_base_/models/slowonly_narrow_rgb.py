# The RGB pathway of rgbposeconv3d_narrow.py trained alone (RGBPose-Conv3D
# pre-training stage 1 at CPU size; slowonly_r50_rgb.py reduced to the
# narrow RGB pathway of narrow_pathways.py): SlowOnly with one ResNet-18
# block per stage, 32 base channels, 1x5x5 stride-2 stem, stride-1 max pool,
# res4/res5 inflated 3x1x1.
# Input (N, 3, 8, 64, 64) -> backbone (N, 256, 8, 4, 4) -> logits.
_base_ = ['./slowonly_r50_rgb.py', './narrow_pathways.py']

model = dict(
    backbone=dict(**_base_.narrow_rgb_pathway),
    cls_head=dict(in_channels=256))
