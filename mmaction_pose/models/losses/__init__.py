# Copyright (c) mmaction-pose. All rights reserved.
from .attention_pose_loss import RPANPoseLoss, attention_pose_loss

__all__ = ['RPANPoseLoss', 'attention_pose_loss']
