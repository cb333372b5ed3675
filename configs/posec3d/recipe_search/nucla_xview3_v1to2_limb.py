# Recipe search (nucla_xview3_v1to2_penn_recipe.py's split: train view 1,
# validate on view 2) for the limb stream of the custom recipe
# (custom_limb.py: one heatmap per Kinect-20 limb); its scores fused 1:1
# with the keypoint leaf's (tools/fuse_scores.py) give J + L.
_base_ = ['../custom_limb.py']
globals().update(__import__(
    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*']).posec3d_custom(
        _base_.recipe, ann_file='data/nucla/nucla.pkl', num_classes=10,
        layout='kinect20', train_split='xview3_train_keep',
        test_split='xview3_train_hold'))
# run at the recipe's former 40 epochs (the README's numbers for this leaf)
train_cfg = dict(max_epochs=40)
param_scheduler = __import__(
    'mmaction_pose.engine.schedules', fromlist=['*']).warmup_cosine(40)
