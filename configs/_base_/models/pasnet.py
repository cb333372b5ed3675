# PAS-Net (Sec. III, Eq. 1): pasnet_eco_lite.py plus the pose stream,
# OpenPose's VGG-19 + 6 stages fine-tuned end to end (its stage-6 implicit
# feature x_I, PAF feature x_F and max-over-keypoints heatmap x_E), fused
# with the appearance map per frame at the last 2D layer: the paper's best
# A + 0.5 pool(I) + pool(F) (lambdas 1.5, 1.5, 0.5, 1). Stage 2 of
# twice-finetune loads tools/merge_pasnet_checkpoints.py's merge of the
# stage-1 ECO checkpoint and the converted OpenPose weights.
_base_ = ['./pasnet_eco_lite.py']

model = dict(backbone=dict(
    pose=dict(type='OpenPoseVGG19', exclude_background=True, with_cp=False),
    fusion=dict(type='PoseAppearanceFusion', mode='A+pool(I)+pool(F)',
                lambdas=(1.5, 1.5, 0.5, 1.0))))
# Every fusion leaves some pose-stream output unused (A + pool(I) + pool(F):
# the last stage's heatmap branch; A + 1.5 E*A: its PAF branch), so DDP
# must look for unused parameters (without: "Expected to have finished
# reduction in the prior iteration" at the second step).
find_unused_parameters = True
