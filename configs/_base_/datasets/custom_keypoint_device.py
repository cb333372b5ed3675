# custom_keypoint.py with the heatmaps rendered on the model's device
# (recipe.render_on_device: PackPoseKeypoints + PoseHeatmapPreprocessor; see
# configs/posec3d/README.md). Leaves of the custom recipe keep the switch,
# since they pass _base_.recipe to posec3d_custom().
_base_ = ['./custom_keypoint.py']

data_preprocessor = dict(type='PoseHeatmapPreprocessor')
recipe = dict(render_on_device=True)
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_data(
        dict(_base_.recipe, **recipe), ann_file=_base_.ann_file,
        num_classes=_base_.num_classes, layout=_base_.layout))
