# RPAN (Du, Wang, Qiao, ICCV 2017): TSN BN-Inception cube (inception_5a,
# 1024 channels, stride 32) -> pose attention over 5 body parts inside an
# LSTM, a prediction at every step, the last one at test (RPANHead).
# Sub-JHMDB sizes (hidden 512, d_a 32); Penn Action uses 1024 / 128.
# Input (N, 8, 3, H, W) frames -> (N*8, 1024, H/32, W/32) -> logits.
# The paper's backbone is TSN pretrained on UCF101 and (our reading, see
# configs/rpan/README.md) frozen: `pretrained=` a converted checkpoint
# (tools/convert_checkpoint.py bninception_tsn).
model = dict(
    type='Recognizer2D',
    backbone=dict(
        type='BNInception',
        in_channels=3,
        out_layer='inception_5a',
        frozen=True,
        pretrained=None),
    cls_head=dict(
        type='RPANHead',
        num_classes=12,
        in_channels=1024,
        parts=None,  # the layout's part_index (configs/_base_/skeletons/)
        hidden_dim=512,
        att_dim=32,
        attention='human_part',  # | separate_joint | share_all | none
        part_pool='concat',  # | max | mean
        loss_cls=dict(type='CrossEntropyLoss', loss_weight=1.0),
        loss_pose=dict(type='RPANPoseLoss', loss_weight=1.0),
        num_steps=8,
        predict_step='last',
        average_clips='prob'),
    # TSN's Caffe BN-Inception: BGR, mean (104, 117, 128), no std.
    data_preprocessor=dict(
        type='ActionDataPreprocessor',
        mean=[104, 117, 128],
        std=[1, 1, 1],
        to_rgb=True,  # swaps the decoded RGB frames to BGR
        format_shape='NCHW'))
