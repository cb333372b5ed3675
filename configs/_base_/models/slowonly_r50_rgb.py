# RGB-only SlowOnly-R50 (the RGB pathway of RGBPose-Conv3D, trained alone to
# initialise it; mmaction2 `rgbpose_conv3d/rgb_only.py`):
# input (N, 3, 8, 224, 224) -> backbone (N, 2048, 8, 7, 7) -> logits.
model = dict(
    type='Recognizer3D',
    backbone=dict(
        type='ResNet3dSlowOnly',
        depth=50,
        pretrained=None,
        conv1_kernel=(1, 7, 7),
        inflate=(0, 0, 1, 1)),
    cls_head=dict(
        type='I3DHead',
        in_channels=2048,
        num_classes=60,
        spatial_type='avg',
        dropout_ratio=0.5,
        average_clips='prob'),
    data_preprocessor=dict(
        type='ActionDataPreprocessor',
        mean=[123.675, 116.28, 103.53],
        std=[58.395, 57.12, 57.375],
        format_shape='NCTHW'))
