# Copyright (c) mmaction-pose. All rights reserved.
from .attention_pck import AttentionPCKMetric
from .keypoint_pck import KeypointPCKMetric

__all__ = ['AttentionPCKMetric', 'KeypointPCKMetric']
