# Copyright (c) mmaction-pose. All rights reserved.
from .rgbpose_head import RGBPoseHead

__all__ = ['RGBPoseHead']
