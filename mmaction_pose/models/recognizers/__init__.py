# Copyright (c) mmaction-pose. All rights reserved.
__all__: list = []
from .pa3d_fusion import PA3DScoreFusionRecognizer  # noqa: E402

__all__ += ['PA3DScoreFusionRecognizer']
