# Copyright (c) mmaction-pose. All rights reserved.
"""Pure metric functions (numpy, no registry)."""
from .pck import common_joints, keypoint_pck, match_track

__all__ = ['common_joints', 'keypoint_pck', 'match_track']
