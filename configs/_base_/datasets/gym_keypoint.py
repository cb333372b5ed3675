# FineGYM-99; 2D HRNet poses from ground-truth athlete boxes (paper Sec. 3.1):
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/gym_2d.pkl -P data/skeleton/
# The PoseConv3D keypoint recipe (./posec3d/keypoint.py): mmaction2's
# `slowonly_r50_8xb16-u48-240e_gym-keypoint.py` is the NTU one up to the data.
# The paper's metric is mean class top-1 (`acc/mean1` of AccMetric).
_base_ = ['./posec3d/keypoint.py']

ann_file = 'data/skeleton/gym_2d.pkl'
num_classes = 99

train_dataloader = dict(
    dataset=dict(dataset=dict(ann_file=ann_file, split='train')))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='val'))
