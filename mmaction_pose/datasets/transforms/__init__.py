# Copyright (c) mmaction-pose. All rights reserved.
"""Registered transforms (thin shells around ``functional``)."""
from .attention_target import GenerateRPANPoseTarget
from .compact import PoseCompact
from .frames_decode import MMDecodeFrames
from .pa3d_modalities import (FormatPoseModalities, GeneratePartAffinityFields,
                              LoadPoseFeatureMaps, PoseTemporalDifference)
from .pose_packing import PackPoseKeypoints
from .pose_target import GeneratePoseTarget
from .robustness import RandomDropLimbKeypoint
from .sampling import UniformSampleFrames

__all__ = [
    'FormatPoseModalities', 'GeneratePartAffinityFields',
    'GeneratePoseTarget', 'GenerateRPANPoseTarget', 'LoadPoseFeatureMaps',
    'MMDecodeFrames',
    'PackPoseKeypoints',
    'PoseCompact', 'PoseTemporalDifference', 'RandomDropLimbKeypoint',
    'UniformSampleFrames'
]
