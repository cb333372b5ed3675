# nucla_xview3_v1to2_interpolate.py with the clips of UniformSampleFrames +
# PoseDecode (one random frame per segment; deterministic seeded clips at
# test), the 1D baseline's sampling until 2026-12-06.
_base_ = ['./nucla_xview3_v1to2_interpolate.py']
globals().update(__import__(
    'mmaction_pose.datasets.sequence_pipelines', fromlist=['*']
).motion_dataloader_overrides(clip_len=32, num_person=_base_.num_person,
                              num_test_clips=_base_.num_test_clips,
                              sampling='uniform'))
