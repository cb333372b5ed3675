# RGBPose-Conv3D (paper Sec. 3.3, Table 12; mmaction2 `RGBPoseConv3D`):
# RGB SlowOnly-R50 (N, 3, 8, 224, 224) -> (N, 2048, 8, 7, 7) and
# Pose-SlowOnly (N, 17, 32, 56, 56) -> (N, 512, 32, 7, 7), bidirectional
# time-strided laterals after res3 and res4 (speed ratio 4, channel ratio 4),
# one classifier and one CE loss per pathway (`RGBPoseHead`).
model = dict(
    type='MMRecognizer3D',
    backbone=dict(
        type='RGBPoseConv3D',
        speed_ratio=4,
        channel_ratio=4,
        rgb_pathway=dict(
            num_stages=4,
            lateral=True,
            lateral_infl=1,
            lateral_activate=(0, 0, 1, 1),
            fusion_kernel=7,
            base_channels=64,
            conv1_kernel=(1, 7, 7),
            inflate=(0, 0, 1, 1),
            with_pool2=False),
        pose_pathway=dict(
            num_stages=3,
            stage_blocks=(4, 6, 3),
            lateral=True,
            lateral_inv=True,
            lateral_infl=16,
            lateral_activate=(0, 1, 1),
            fusion_kernel=7,
            in_channels=17,
            base_channels=32,
            out_indices=(2, ),
            conv1_kernel=(1, 7, 7),
            conv1_stride_s=1,
            conv1_stride_t=1,
            pool1_stride_s=1,
            pool1_stride_t=1,
            inflate=(0, 1, 1),
            spatial_strides=(2, 2, 2),
            temporal_strides=(1, 1, 1),
            dilations=(1, 1, 1),
            with_pool2=False)),
    cls_head=dict(
        type='RGBPoseHead',
        num_classes=60,
        in_channels=(2048, 512),
        loss_components=['rgb', 'pose'],
        loss_weights=[1., 1.],
        dropout=0.5,
        average_clips='prob'),
    data_preprocessor=dict(
        type='MultiModalDataPreprocessor',
        preprocessors=dict(
            imgs=dict(
                type='ActionDataPreprocessor',
                mean=[123.675, 116.28, 103.53],
                std=[58.395, 57.12, 57.375],
                format_shape='NCTHW'),
            heatmap_imgs=dict(type='ActionDataPreprocessor'))))
