# Copyright (c) mmaction-pose. All rights reserved.
from .deconv_keypoint_head import DeconvKeypointHead
from .rgbpose_head import RGBPoseHead
from .rpan_head import RPANHead

__all__ = ['DeconvKeypointHead', 'RGBPoseHead', 'RPANHead']
