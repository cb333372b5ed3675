# Rendered Penn Action (see common.py), pose only: the keypoints of the
# rendered videos through the Penn Action PoseC3D pipelines
# (../penn_action_keypoint.py: 32 frames of 32x32 keypoint heatmaps, test 10
# clips x 2 flips, sigma 0.6, the crop geometry of rgbpose.py); no video is
# read. (Not derived from common.py: mmengine refuses keys defined by two
# bases; tests/test_configs.py checks that the values agree.)
_base_ = ['../penn_action_keypoint.py']

# ---- parameters that often need to be modified ----
ann_file = 'data/penn_action_rgb/annotations.pkl'
batch_size = 8  # per process (2 processes)
num_workers = 1  # per process
# ---------------------------------------------------

_data = dict(ann_file=ann_file)
train_dataloader = dict(batch_size=batch_size, num_workers=num_workers,
                        dataset=dict(dataset=_data))
val_dataloader = dict(batch_size=batch_size, num_workers=num_workers,
                      dataset=_data)
test_dataloader = dict(num_workers=num_workers, dataset=_data)
del _data
