# RPAN ablation on Sub-JHMDB split 1, flow stream (the paper's basic
# setting): Table 1 'Separate-Joint': projections per joint.
_base_ = ['./sub_jhmdb_split1_flow.py']

model = dict(cls_head=dict(attention='separate_joint'))
