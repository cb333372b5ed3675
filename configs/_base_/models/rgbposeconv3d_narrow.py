# RGBPose-Conv3D sized for a 2-core CPU, the topology of
# rgbposeconv3d_r50.py (paper Sec. 3.3): an RGB SlowOnly pathway (4 stages,
# conv1 of 1x7x7 -> 1x5x5, res4/res5 inflated 3x1x1) and a Pose-SlowOnly
# pathway (3 stages, no temporal stride), bidirectional time-strided
# laterals after RGB res3/res4 <-> pose stages 1/2 (speed ratio 4, channel
# ratio 4), one classifier and one CE loss per pathway. Reduced to the
# narrow pathways of narrow_pathways.py (one ResNet-18 block per stage, 32
# RGB / 16 pose base channels, stride-1 max pools, stem stride 2), so that
#   RGB  (N, 3, 8, 64, 64) -> res3 (N, 64, 8, 16, 16) -> (N, 256, 8, 4, 4)
#   pose (N, 13, 32, 32, 32) -> stage1 (N, 16, 32, 16, 16) -> (N, 64, 32, 4, 4)
# line up as the full model's 224 / 56 inputs do. The pose pathway is the
# narrow Pose-SlowOnly of posec3d_slowonly_narrow.py (Penn Action 98.4 %)
# without temporal stride. Leaves set num_classes.
_base_ = ['./rgbposeconv3d_r50.py', './narrow_pathways.py']

model = dict(
    backbone=dict(
        rgb_pathway=dict(**_base_.narrow_rgb_pathway),
        pose_pathway=dict(**_base_.narrow_pose_pathway, in_channels=13)),
    cls_head=dict(in_channels=(256, 64)))
