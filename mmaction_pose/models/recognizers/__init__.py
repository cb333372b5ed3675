# Copyright (c) mmaction-pose. All rights reserved.
from .pa3d_fusion import PA3DScoreFusionRecognizer

__all__ = ['PA3DScoreFusionRecognizer']
