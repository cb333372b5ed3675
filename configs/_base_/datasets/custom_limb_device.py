# custom_limb.py with the heatmaps rendered on the model's device
# (recipe.render_on_device: PackPoseKeypoints + PoseHeatmapPreprocessor).
_base_ = ['./custom_limb.py']

data_preprocessor = dict(type='PoseHeatmapPreprocessor')
recipe = dict(render_on_device=True)
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_data(
        dict(_base_.recipe, **recipe), ann_file=_base_.ann_file,
        num_classes=_base_.num_classes, layout=_base_.layout))
