# ST-GCN++ on N-UCLA xview3, bone stream: stgcnpp_nucla_xview3_joint.py with
# bone vectors (joint - parent in the Kinect-20 graph, LayoutJointToBone)
# instead of joints. 16e = 16 epochs x RepeatDataset(1). Joint + bone:
# tools/fuse_scores.py (configs/gcn/README.md).
_base_ = ['./stgcnpp_nucla_xview3_joint.py']

_build = __import__('mmaction_pose.datasets.sequence_pipelines',
                    fromlist=['*']).gcn_pipeline
_args = dict(feats='b', layout=_base_.layout, clip_len=_base_.clip_len,
             num_person=_base_.num_person)
train_dataloader = dict(
    dataset=dict(dataset=dict(pipeline=_build(False, **_args))))
val_dataloader = dict(dataset=dict(pipeline=_build(True, **_args)))
test_dataloader = dict(dataset=dict(
    pipeline=_build(True, num_clips=_base_.num_test_clips, **_args)))
del _build, _args
