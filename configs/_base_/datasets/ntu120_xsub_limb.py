# NTU RGB+D 120, cross-subject split; 2D HRNet COCO-17 poses:
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/ntu120_2d.pkl -P data/skeleton/
# The PoseConv3D limb recipe (./posec3d/limb.py) of NTU60 (paper Sec.
# 4.4.1: "the same architecture and hyperparameters for different datasets").
_base_ = ['./posec3d/limb.py']

ann_file = 'data/skeleton/ntu120_2d.pkl'
num_classes = 120

train_dataloader = dict(
    dataset=dict(dataset=dict(ann_file=ann_file, split='xsub_train')))
val_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
test_dataloader = dict(dataset=dict(ann_file=ann_file, split='xsub_val'))
