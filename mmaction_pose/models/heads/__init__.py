# Copyright (c) mmaction-pose. All rights reserved.
from .rgbpose_head import RGBPoseHead
from .rpan_head import RPANHead

__all__ = ['RGBPoseHead', 'RPANHead']
