# custom_example_nucla_xview3.py with the recipe's RandomViewAffine on (its
# defaults: rotation ±15°, x scale 0.6-1.2, y scale 0.9-1.1, shear ±0.2),
# the setting compared on a held-out training view in recipe_search/.
_base_ = ['./custom_keypoint.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        dict(_base_.recipe, view_affine=dict()),  # RandomViewAffine defaults
        ann_file='data/nucla/nucla.pkl', num_classes=10, layout='kinect20',
        train_split='xview3_train', test_split='xview3_test'))
# run at the recipe's former 40 epochs (the README's numbers for this leaf)
train_cfg = dict(max_epochs=40)
param_scheduler = __import__(
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(40)
