# Copyright (c) mmaction-pose. All rights reserved.
"""Registered transforms (thin shells around ``functional``)."""
__all__: list = []
from .pa3d_modalities import (FormatPoseModalities,  # noqa: E402
                              GeneratePartAffinityFields,
                              LoadPoseFeatureMaps, PoseTemporalDifference)

__all__ += [
    'FormatPoseModalities', 'GeneratePartAffinityFields',
    'LoadPoseFeatureMaps', 'PoseTemporalDifference'
]
from .robustness import RandomDropLimbKeypoint  # noqa: E402

__all__ += ['RandomDropLimbKeypoint']
from .compact import PoseCompact  # noqa: E402
from .pose_packing import PackPoseKeypoints  # noqa: E402
from .pose_target import GeneratePoseTarget  # noqa: E402
from .sampling import UniformSampleFrames  # noqa: E402

__all__ += [
    'GeneratePoseTarget', 'PackPoseKeypoints', 'PoseCompact',
    'UniformSampleFrames'
]
