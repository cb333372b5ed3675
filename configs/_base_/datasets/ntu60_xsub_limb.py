# NTU RGB+D 60, cross-subject (data as in ./ntu60_xsub_keypoint.py) with limb
# heatmaps: the PoseConv3D limb recipe (./posec3d/limb.py), as in mmaction2
# 1.2.0's `slowonly_r50_8xb16-u48-240e_ntu60-xsub-limb.py`.
_base_ = ['./posec3d/limb.py']

ann_file = 'data/skeleton/ntu60_2d.pkl'
num_classes = 60

train_dataloader = dict(
    dataset=dict(dataset=dict(ann_file=ann_file, split='xsub_train')))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
