# Penn Action limb heatmaps rendered on the model's device:
# `penn_action_limb.py` with its heatmap steps replaced by PackPoseKeypoints
# and PoseHeatmapPreprocessor (see configs/posec3d/README.md).
_base_ = ['./penn_action_limb.py']

data_preprocessor = dict(type='PoseHeatmapPreprocessor')
train_pipeline, val_pipeline, test_pipeline = (
    [*p[:-3], dict(p[-3], type='PackPoseKeypoints')] for p in (
        _base_.train_pipeline, _base_.val_pipeline, _base_.test_pipeline))
train_dataloader = dict(dataset=dict(dataset=dict(pipeline=train_pipeline)))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
