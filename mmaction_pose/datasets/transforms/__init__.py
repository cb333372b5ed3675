# Copyright (c) mmaction-pose. All rights reserved.
"""Registered transforms (thin shells around ``functional``)."""
from .attention_target import GenerateRPANPoseTarget
from .bones import LayoutJointToBone
from .camera_view import RandomCameraView
from .compact import PoseCompact
from .flip_twin import AppendFlippedFrames
from .flow_frames import FlowFlip, FlowPoseDecode, RawFramesInit
from .frames_decode import DecordDecodeFrames, MMDecodeFrames
from .interpolate_sampling import InterpolateSampleFrames
from .keypoint_affine import RandomViewAffine
from .openpose_targets import GenerateOpenPoseTargets
from .pa3d_modalities import (FormatPoseModalities, GeneratePartAffinityFields,
                              LoadPoseFeatureMaps, PoseTemporalDifference)
from .person_crop import BoxThreeCrop, PersonBoxCrop
from .pose_motion import PoseMotionFeatures
from .pose_packing import PackPoseKeypoints
from .pose_target import GeneratePoseTarget
from .robustness import RandomDropLimbKeypoint
from .sampling import UniformSampleFrames
from .target_joints import SelectTargetJoints

__all__ = [
    'AppendFlippedFrames', 'BoxThreeCrop', 'DecordDecodeFrames',
    'FlowFlip', 'FlowPoseDecode', 'FormatPoseModalities',
    'GenerateOpenPoseTargets', 'GeneratePartAffinityFields',
    'GeneratePoseTarget', 'GenerateRPANPoseTarget',
    'InterpolateSampleFrames', 'LayoutJointToBone', 'LoadPoseFeatureMaps',
    'MMDecodeFrames', 'PackPoseKeypoints', 'PersonBoxCrop', 'PoseCompact',
    'PoseMotionFeatures', 'PoseTemporalDifference', 'RandomCameraView',
    'RandomDropLimbKeypoint', 'RandomViewAffine', 'RawFramesInit', 'SelectTargetJoints',
    'UniformSampleFrames'
]
