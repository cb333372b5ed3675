# RPAN ablation on Sub-JHMDB split 1, flow stream: Gaussian std 1 px for
# the attention targets (paper: 5; std 1 / 10 give 78.3 / 79.3 vs 80.0).
_base_ = ['./sub_jhmdb_split1_flow.py']

_target = dict(type='GenerateRPANPoseTarget', sigma=1., stride=32,
               clip_len=5)
train_dataloader = dict(dataset=dict(pipeline=[
    *_base_.flow_train_pipeline[:-3], _target,
    *_base_.flow_train_pipeline[-2:]
]))
val_dataloader = dict(dataset=dict(pipeline=[
    *_base_.flow_test_pipeline[:-3], _target,
    *_base_.flow_test_pipeline[-2:]
]))
test_dataloader = val_dataloader
del _target
