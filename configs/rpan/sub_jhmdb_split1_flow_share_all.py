# RPAN ablation on Sub-JHMDB split 1, flow stream (the paper's basic
# setting): Table 1 'Share-All': one attention map, no pose loss.
_base_ = ['./sub_jhmdb_split1_flow.py']

model = dict(cls_head=dict(attention='share_all'))
