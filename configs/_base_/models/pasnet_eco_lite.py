# ECO-Lite (twice-finetune's stage 1, PAS-Net Sec. III-C; fusion 'A'):
# per frame BN-Inception to inception_3c_double_3x3_1 (96x28x28 at 224,
# frozen 2D BN statistics), the K maps stacked in time, ECO's 3D-ResNet-18
# part (512 x K/4 x 7 x 7), 3D global pooling, dropout 0.3, FC. The
# preprocessor passes 0-255 RGB; the backbone applies TSN / ECO's BGR Caffe
# mean. Weights: the public ECO-Lite Kinetics checkpoint converted by
# `tools/convert_checkpoint.py eco_lite IN OUT` as `load_from`.
model = dict(
    type='Recognizer3D',
    backbone=dict(type='PASNet'),  # pose=None: no pose stream
    cls_head=dict(type='I3DHead', num_classes=101, in_channels=512,
                  spatial_type='avg', dropout_ratio=0.3, init_std=0.001,
                  average_clips='prob'),
    data_preprocessor=dict(type='ActionDataPreprocessor', mean=None,
                           std=None, format_shape='NCTHW'))
