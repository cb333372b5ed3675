# N-UCLA (xview3) for the 1D temporal CNN baseline: nucla_gcn.py (data,
# splits, loaders) with 32-frame clips of body-normalized joints and their
# velocities (PoseMotionFeatures; mmaction_pose/datasets/
# sequence_pipelines.py: motion_pipeline), 10 clips at test.
_base_ = ['./nucla_gcn.py']

clip_len = 32
_build = __import__('mmaction_pose.datasets.sequence_pipelines',
                    fromlist=['*']).motion_pipeline
_args = dict(clip_len=clip_len, num_person=_base_.num_person)
train_dataloader = dict(
    dataset=dict(dataset=dict(pipeline=_build(False, **_args))))
val_dataloader = dict(dataset=dict(pipeline=_build(True, **_args)))
test_dataloader = dict(dataset=dict(
    pipeline=_build(True, num_clips=_base_.num_test_clips, **_args)))
del _build, _args
