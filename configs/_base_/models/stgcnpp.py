# ST-GCN++ (Duan et al., "PYSKL: Towards Good Practices for Skeleton Action
# Recognition", ACM MM 2022, https://arxiv.org/abs/2205.09443) as mmaction2
# builds it: its STGCN with the adaptive graph initialised from the skeleton
# (gcn_adaptive='init'), residual GCN units and the multi-scale TCN; full
# width (64 base channels, 10 stages, channels x2 and time /2 at stages 5
# and 8): input (N, M, 100, V, 3) -> backbone (N, M, 256, 25, V) -> GCNHead.
# The graph is our COCO-17 layout dict, whose adjacency equals mmaction2's
# 'coco' graph; leaves set graph_cfg.layout to their layout's (`gcn_graph`
# of _base_/skeletons/*.py) and num_classes.
_coco17 = __import__('mmaction_pose.structures.gcn_layouts',
                     fromlist=['*']).gcn_layout('coco17')
model = dict(
    type='RecognizerGCN',
    backbone=dict(
        type='STGCN',
        gcn_adaptive='init',
        gcn_with_res=True,
        tcn_type='mstcn',
        graph_cfg=dict(layout=_coco17, mode='spatial')),
    cls_head=dict(type='GCNHead', num_classes=60, in_channels=256))
del _coco17
