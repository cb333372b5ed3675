# Penn Action (Zhang et al., ICCV 2013) ground-truth 2D poses, 13 joints, as
# GCN input (mmaction2's ST-GCN++ / 2s-AGCN 2D pipeline,
# mmaction_pose/datasets/sequence_pipelines.py: PreNormalize2D, GenSkeFeat
# joints, 100-frame UniformSampleFrames, FormatGCNInput):
#   python tools/data/penn_action/convert.py  ->  data/penn_action/
# Official split: train 1258 / test 1068 clips, 15 classes. One person per
# clip (mmaction2: 2 for NTU). Joint stream; the bone leaves re-point the
# pipelines (feats='b').
_base_ = ['../skeletons/penn13.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
ann_file = 'data/penn_action/penn_action.pkl'
num_classes = 15
train_split, test_split = 'train', 'test'
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
