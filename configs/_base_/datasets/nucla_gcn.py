# N-UCLA (Wang et al., CVPR 2014) Kinect v1 skeletons projected into the
# 640x480 colour frame, 20 joints, as GCN input (mmaction2's ST-GCN++ /
# 2s-AGCN 2D pipeline, mmaction_pose/datasets/sequence_pipelines.py):
#   make nucla-data  (tools/data/nucla/convert.py)  ->  data/nucla/
# 10 classes; xview3: train on views 1+2 (1019), test on view 3 (463); the
# xview1/2 leaves change the splits. One person per clip. Joint stream; the
# bone leaves re-point the pipelines (feats='b').
_base_ = ['../skeletons/kinect20.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/nucla/nucla.pkl'
num_classes = 10
train_split, test_split = 'xview3_train', 'xview3_test'
clip_len = 100
num_test_clips = 10
num_person = 1
batch_size = 16
num_workers = 2
# ---------------------------------------------------

_loaders = __import__('mmaction_pose.datasets.sequence_pipelines',
                      fromlist=['*']).gcn_dataloaders(
    ann_file, train_split, test_split, clip_len=clip_len,
    num_person=num_person, num_test_clips=num_test_clips,
    batch_size=batch_size, num_workers=num_workers,
    dataset_type=dataset_type)
train_dataloader = _loaders['train']
val_dataloader = _loaders['val']
test_dataloader = _loaders['test']
del _loaders

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator
