# HMDB51 split 1; 2D HRNet COCO-17 poses:
#   wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/hmdb51_2d.pkl -P data/skeleton/
# The UCF101 keypoint fine-tuning base (mmaction2's HMDB51 config is identical
# up to the data; same split names).
_base_ = ['./ucf101_split1_keypoint.py']

ann_file = 'data/skeleton/hmdb51_2d.pkl'
num_classes = 51

train_dataloader = dict(dataset=dict(dataset=dict(ann_file=ann_file)))
val_dataloader = dict(dataset=dict(ann_file=ann_file))
test_dataloader = dict(dataset=dict(ann_file=ann_file))
