# Action Machine (Zhu et al. 2018, Sec. 3, Table 1, Fig. 2-3): person-crop
# clips (N, 3, 8, 224, 224) -> I3D ResNet-50 (conv1 5x7x7, every block
# inflated 3x1x1, no temporal pooling) (N, 2048, 8, 7, 7)
#   -> I3DHead (GAP, dropout 0.5, FC): the RGB action scores
#   -> DeconvKeypointHead, per frame: 2 x [4x4 stride-2 deconv 256, BN,
#      ReLU], 1x1 conv -> 17 heatmaps + 34 offsets at 28x28
#   -> argmax + offset (no gradient) -> (x, y, conf) x 8 x 17 pose image
#   -> ResNet-18 without pooling or strides -> GAP, dropout 0.5, FC.
# Test: the sum of the RGB and pose softmax scores (AccMetric's
# RGBPose_1:1_top1). Leaves set num_classes and the mode of their stage.
num_keypoints = 17
model = dict(
    type='ActionMachine',
    mode='rgb_kps',
    loss_weights=(1., 1., 1.),
    backbone=dict(
        type='ResNet3d', depth=50, pretrained='torchvision://resnet50',
        pretrained2d=True, conv1_kernel=(5, 7, 7), conv1_stride_s=2,
        conv1_stride_t=1, pool1_stride_s=2, pool1_stride_t=1,
        with_pool1=True, with_pool2=False, inflate=(1, 1, 1, 1),
        inflate_style='3x1x1', spatial_strides=(1, 2, 2, 2),
        temporal_strides=(1, 1, 1, 1), out_indices=(3, ), norm_eval=False,
        zero_init_residual=False),
    cls_head=dict(
        type='I3DHead', num_classes=60, in_channels=2048,
        spatial_type='avg', dropout_ratio=0.5, init_std=0.01,
        average_clips='prob'),
    pose_head=dict(
        type='DeconvKeypointHead', in_channels=2048,
        num_keypoints=num_keypoints, num_deconv_filters=(256, 256),
        num_deconv_kernels=(4, 4), stride=8, radius=16., lambda_h=0.5,
        lambda_o=0.5),
    pose_decoder=dict(type='HeatmapOffsetDecoder',
                      num_keypoints=num_keypoints, stride=8),
    pose_backbone=dict(type='PoseResNet2d', depth=18,
                       pretrained='torchvision://resnet18'),
    pose_cls_head=dict(
        type='TSNHead', num_classes=60, in_channels=512,
        spatial_type='avg', consensus=dict(type='AvgConsensus', dim=1),
        dropout_ratio=0.5, init_std=0.01, average_clips='prob'),
    data_preprocessor=dict(
        type='ActionDataPreprocessor', mean=[123.675, 116.28, 103.53],
        std=[58.395, 57.12, 57.375], format_shape='NCTHW'))
