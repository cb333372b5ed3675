# YOUR PoseDataset pickle as PoseC3D limb heatmaps (one per limb of the
# layout; docs/custom_dataset.md): custom_keypoint.py with
# recipe.modality='limb' (as penn_action_limb.py is penn_action_keypoint.py
# with limb heatmaps).
_base_ = ['./custom_keypoint.py']

recipe = dict(modality='limb')
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_data(
        dict(_base_.recipe, **recipe), ann_file=_base_.ann_file,
        num_classes=_base_.num_classes, layout=_base_.layout))
