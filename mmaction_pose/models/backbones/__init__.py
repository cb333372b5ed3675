# Copyright (c) mmaction-pose. All rights reserved.
from .bn_inception import BNInception
from .pa3d import PA3D, PA3DActionCNN, PA3DModalityConcat
from .pose_c3d import PoseC3D
from .pose_resnet2d import PoseResNet2d
from .pose_x3d import PoseX3D

__all__ = [
    'BNInception', 'PA3D', 'PA3DActionCNN', 'PA3DModalityConcat', 'PoseC3D',
    'PoseResNet2d', 'PoseX3D'
]
