# ST-GCN++ (Duan et al., ACM MM 2022; mmaction2's STGCN recipe) on Penn
# Action ground-truth 2D poses, joint stream, from scratch on a 2-core CPU.
# Differs from mmaction2's NTU-60 2D recipe: our Penn-13 graph
# (gcn_layout('penn13'), centre: head), one person per clip, the narrow
# network of _base_/models/stgcnpp_narrow.py (16 base channels, 6 stages
# instead of 64 and 10) and 16e = 16 epochs x RepeatDataset(1) (mmaction2:
# 16 x 5), so that a 2-core run stays within 20 min; lr 0.1 for 16 clips.
_base_ = [
    '../_base_/models/stgcnpp_narrow.py',
    '../_base_/datasets/penn_action_gcn.py',
    '../_base_/schedules/sgd_nesterov_cosine_16e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(graph_cfg=dict(layout=_base_.gcn_graph)),
    cls_head=dict(num_classes=_base_.num_classes))
# Penn Action has no validation split: validation runs on the test split
# for monitoring only; the last epoch's checkpoint is the result.
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=4, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
