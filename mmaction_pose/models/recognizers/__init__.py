# Copyright (c) mmaction-pose. All rights reserved.
from .action_machine import ActionMachine
from .pa3d_fusion import PA3DScoreFusionRecognizer

__all__ = ['ActionMachine', 'PA3DScoreFusionRecognizer']
