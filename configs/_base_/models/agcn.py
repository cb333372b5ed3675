# 2s-AGCN (Shi et al., "Two-Stream Adaptive Graph Convolutional Networks for
# Skeleton-Based Action Recognition", CVPR 2019,
# https://arxiv.org/abs/1805.07694) as mmaction2 builds it: its AAGCN without
# the attention modules (gcn_attention=False; with them it is the journal
# version, MS-AAGCN); full width (64 base channels, 10 stages): input
# (N, M, 100, V, 3) -> backbone (N, M, 256, 25, V) -> GCNHead. One stream per
# config (joint or bone), fused with tools/fuse_scores.py. The graph is our
# COCO-17 layout dict, whose adjacency equals mmaction2's 'coco' graph;
# leaves set graph_cfg.layout to their layout's (`gcn_graph` of
# _base_/skeletons/*.py) and num_classes.
_coco17 = __import__('mmaction_pose.structures.gcn_layouts',
                     fromlist=['*']).gcn_layout('coco17')
model = dict(
    type='RecognizerGCN',
    backbone=dict(
        type='AAGCN',
        graph_cfg=dict(layout=_coco17, mode='spatial'),
        gcn_attention=False),
    cls_head=dict(type='GCNHead', num_classes=60, in_channels=256))
del _coco17
