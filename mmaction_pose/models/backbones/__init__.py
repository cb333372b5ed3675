# Copyright (c) mmaction-pose. All rights reserved.
from .bn_inception import BNInception
from .eco_3d_resnet import ECO3DResNet18
from .openpose_vgg19 import OpenPoseVGG19
from .pa3d import PA3D, PA3DActionCNN, PA3DModalityConcat
from .pasnet import PASNet
from .pose_c3d import PoseC3D
from .pose_resnet2d import PoseResNet2d
from .pose_x3d import PoseX3D
from .temporal_cnn1d import TemporalCNN1D

__all__ = [
    'BNInception', 'ECO3DResNet18', 'OpenPoseVGG19', 'PA3D', 'PA3DActionCNN',
    'PA3DModalityConcat', 'PASNet', 'PoseC3D', 'PoseResNet2d', 'PoseX3D',
    'TemporalCNN1D'
]
