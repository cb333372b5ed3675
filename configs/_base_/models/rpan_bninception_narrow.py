# RPAN at CPU size (same topology as rpan_bninception.py): 1/4 of
# BN-Inception's widths, a 256-channel inception_5a at stride 16 (an 8x8
# grid for 128x128 frames), LSTM hidden 256, d_a 32, Penn-13's body parts,
# trained from scratch (no pretrained TSN offline; not frozen) with ImageNet
# statistics for RGB. Flow leaves set in_channels=10 and the flow mean/std.
_base_ = ['./rpan_bninception.py']
_parts = __import__('mmaction_pose.structures.skeleton_layouts',
                    fromlist=['*']).layout_lists('penn13')['part_index']

model = dict(
    backbone=dict(width_mult=0.25, out_stride=16, frozen=False),
    cls_head=dict(num_classes=15, in_channels=256, parts=_parts,
                  hidden_dim=256, att_dim=32),
    data_preprocessor=dict(mean=[123.675, 116.28, 103.53],
                           std=[58.395, 57.12, 57.375], to_rgb=False))
del _parts
