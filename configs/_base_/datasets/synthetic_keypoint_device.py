# Synthetic COCO-17 skeleton actions with heatmaps rendered on the model's
# device: the dataloader only samples and augments keypoints, and
# PoseHeatmapPreprocessor renders the batch (GPU when present, else CPU) with
# the values GeneratePoseTarget would give. The one-line switch: a leaf lists
# this base instead of `synthetic_keypoint.py` (see
# tools/analysis_tools/README.md).
_base_ = ['./synthetic_keypoint.py']

# The Runner puts this into `model` when the model sets no data_preprocessor.
data_preprocessor = dict(type='PoseHeatmapPreprocessor')

# Every base pipeline ends GeneratePoseTarget(**args), FormatShape,
# PackActionInputs; PackPoseKeypoints(**args) replaces these three steps.
train_pipeline = _base_.train_pipeline[:-3] + [
    dict(_base_.train_pipeline[-3], type='PackPoseKeypoints')
]
val_pipeline = _base_.val_pipeline[:-3] + [
    dict(_base_.val_pipeline[-3], type='PackPoseKeypoints')
]
test_pipeline = _base_.test_pipeline[:-3] + [
    dict(_base_.test_pipeline[-3], type='PackPoseKeypoints')
]
train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(dataset=dict(pipeline=test_pipeline))
