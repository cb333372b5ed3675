# NTU RGB+D 60, cross-subject; 2D HRNet COCO-17 poses in mmaction2's format:
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/ntu60_2d.pkl -P data/skeleton/
# The PoseConv3D keypoint recipe (./posec3d/keypoint.py), as in mmaction2
# 1.2.0's `slowonly_r50_8xb16-u48-240e_ntu60-xsub-keypoint.py`.
_base_ = ['./posec3d/keypoint.py']

ann_file = 'data/skeleton/ntu60_2d.pkl'
num_classes = 60

train_dataloader = dict(
    dataset=dict(dataset=dict(ann_file=ann_file, split='xsub_train')))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
