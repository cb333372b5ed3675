# RPAN ablation on Sub-JHMDB split 1, flow stream (the paper's basic
# setting): Table 2: mean part pooling.
_base_ = ['./sub_jhmdb_split1_flow.py']

model = dict(cls_head=dict(part_pool='mean'))
