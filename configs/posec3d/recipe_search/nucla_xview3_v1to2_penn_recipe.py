# Recipe search of the custom recipe (custom_keypoint.py), cross-view
# validation carved from N-UCLA xview3's training views (make nucla-data):
# train on view 1 (xview3_train_keep), test on view 2 (xview3_train_hold).
# This leaf: the Penn Action recipe as it stands (no view augmentation).
_base_ = ['../custom_keypoint.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        _base_.recipe, ann_file='data/nucla/nucla.pkl', num_classes=10,
        layout='kinect20', train_split='xview3_train_keep',
        test_split='xview3_train_hold'))
# run at the recipe's former 40 epochs (the README's numbers for this leaf)
train_cfg = dict(max_epochs=40)
param_scheduler = __import__(
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(40)
