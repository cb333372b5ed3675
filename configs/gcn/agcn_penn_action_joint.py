# 2s-AGCN (Shi et al., CVPR 2019; mmaction2's AAGCN without attention) on
# Penn Action ground-truth 2D poses, joint stream, from scratch on a 2-core
# CPU. As stgcnpp_penn_action_joint.py: our Penn-13 graph, one person, the
# narrow network of _base_/models/agcn_narrow.py (16 base channels, 6
# stages instead of 64 and 10) and 16e = 16 epochs x RepeatDataset(1)
# (mmaction2: 16 x 5), within 20 min on 2 cores; lr 0.1 for 16 clips.
_base_ = [
    '../_base_/models/agcn_narrow.py',
    '../_base_/datasets/penn_action_gcn.py',
    '../_base_/schedules/sgd_nesterov_cosine_16e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(graph_cfg=dict(layout=_base_.gcn_graph)),
    cls_head=dict(num_classes=_base_.num_classes))
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=4, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
