# Copyright (c) mmaction-pose. All rights reserved.
from .action_machine import ActionMachine
from .openpose_pretrainer import OpenPosePretrainer
from .pa3d_fusion import PA3DScoreFusionRecognizer

__all__ = ['ActionMachine', 'OpenPosePretrainer', 'PA3DScoreFusionRecognizer']
