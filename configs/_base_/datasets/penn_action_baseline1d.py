# Penn Action for the 1D temporal CNN baseline: penn_action_gcn.py (data,
# splits, loaders) with 32-frame clips of body-normalized joints and their
# velocities (PoseMotionFeatures; mmaction_pose/datasets/
# sequence_pipelines.py: motion_pipeline), 10 clips at test
# (motion_dataloader_overrides re-points the base's three loaders). The
# clips are the whole sequence linearly resampled to 32 frames
# (InterpolateSampleFrames): +3.6 points over UniformSampleFrames on the
# N-UCLA cross-view validation (configs/baseline1d/validation/).
_base_ = ['./penn_action_gcn.py']

globals().update(__import__(
    'mmaction_pose.datasets.sequence_pipelines', fromlist=['*']
).motion_dataloader_overrides(clip_len=32, num_person=_base_.num_person,
                              num_test_clips=_base_.num_test_clips,
                              sampling='interpolate'))
