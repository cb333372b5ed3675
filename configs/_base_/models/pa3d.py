# PA3D one-modality stream (Yan et al., CVPR 2019, §3, Table 1):
# maps (N, V, T, H, W) -> TemporalPoseConv, Global N=6 + Dilated d=2 with
# M=3 x 2 positions (best of Table 3, 12 maps per joint) -> action CNN
# (N, 512, 1, H/8, W/8) -> I3DHead = "average pool, dropout, FC-K".
# Leaf configs set in_channels (V), num_frames (T, T-1 for differences) and
# num_classes.
model = dict(
    type='Recognizer3D',
    backbone=dict(
        type='PA3D',
        in_channels=19,
        num_frames=8,
        temporal_cfg=dict(global_out=6, dilations=(2, ), dilated_out=3),
        input_norm=False),
    cls_head=dict(
        type='I3DHead',
        in_channels=512,
        num_classes=51,
        spatial_type='avg',
        dropout_ratio=0.5,
        init_std=0.01,
        average_clips='prob'),
    data_preprocessor=dict(type='ActionDataPreprocessor',
                           format_shape='NCTHW'))
