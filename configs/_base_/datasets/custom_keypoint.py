# YOUR PoseDataset pickle as PoseC3D keypoint heatmaps
# (docs/custom_dataset.md, configs/posec3d/custom_keypoint.py). Everything
# layout-dependent (flip pairs, heatmap channels, num_joints) comes from
# posec3d_data() (mmaction_pose/datasets/posec3d_recipe.py); a leaf naming
# its own pickle calls posec3d_custom() with `recipe`, since a base cannot
# read a leaf's variables. As it stands, placeholders: COCO-17 joints of
# tools/data/skeleton/extract_poses.py in data/custom/custom.pkl, splits
# train/test. `recipe`: the Penn Action recipe (penn_action_keypoint.py),
# 32-frame clips of 32x32 heatmaps, 10 clips x 2 flips at test.
recipe = dict(modality='keypoint', clip_len=32, heatmap_size=32, sigma=0.6,
              num_test_clips=10, batch_size=16, num_workers=2, train_repeat=1,
              sampling='uniform', render_on_device=False)
_data = __import__('mmaction_pose.datasets.posec3d_recipe',
                   fromlist=['*']).posec3d_data
# ann_file, num_classes, layout, num_joints, left_kp, right_kp,
# heatmap_channels, {train,val,test}_pipeline and _dataloader:
globals().update(_data(recipe, ann_file='data/custom/custom.pkl',
                       num_classes=2, layout='coco17'))
del _data

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator
