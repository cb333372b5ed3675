# ST-GCN++ (Duan et al., ACM MM 2022; mmaction2's STGCN recipe) on N-UCLA
# xview3 (train views 1+2, test view 3), 2D projection of the Kinect v1
# skeletons, joint stream, from scratch on a 2-core CPU. Differs from
# mmaction2's NTU-60 2D recipe: our Kinect-20 graph (gcn_layout('kinect20'),
# centre: shoulder_center), one person per clip, the narrow network of
# _base_/models/stgcnpp_narrow.py (16 base channels, 6 stages instead of 64
# and 10) and 16e = 16 epochs x RepeatDataset(1) (mmaction2: 16 x 5), so
# that a 2-core run stays within 20 min; lr 0.1 for 16 clips.
_base_ = [
    '../_base_/models/stgcnpp_narrow.py',
    '../_base_/datasets/nucla_gcn.py',
    '../_base_/schedules/sgd_nesterov_cosine_16e.py',
    '../_base_/default_runtime.py'
]

model = dict(
    backbone=dict(graph_cfg=dict(layout=_base_.gcn_graph)),
    cls_head=dict(num_classes=_base_.num_classes))
# N-UCLA has no validation split: validation runs on the test view for
# monitoring only; the last epoch's checkpoint is the result.
default_hooks = dict(
    logger=dict(interval=20),
    checkpoint=dict(interval=4, save_best=None, max_keep_ckpts=1))
randomness = dict(seed=0, diff_rank_seed=False, deterministic=False)
