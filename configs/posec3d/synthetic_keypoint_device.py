# PoseConv3D (Duan et al., CVPR 2022) on the embedded synthetic dataset with
# heatmaps rendered on the model's device (PoseHeatmapPreprocessor): the
# quickstart config with keypoint-only dataloaders. A leaf written against
# dataset bases switches with one line, listing
# `../_base_/datasets/synthetic_keypoint_device.py` instead of
# `synthetic_keypoint.py`; this leaf applies the same change on top of the
# quickstart leaf so that it follows the quickstart's model and schedule.
_base_ = ['./synthetic_keypoint.py']

# The Runner puts this into `model` when the model sets no data_preprocessor.
data_preprocessor = dict(type='PoseHeatmapPreprocessor')

# GeneratePoseTarget(**args), FormatShape, PackActionInputs (the last three
# steps) become PackPoseKeypoints(**args).
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
