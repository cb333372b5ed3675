# Copyright (c) mmaction-pose. All rights reserved.
from .attention_pck import AttentionPCKMetric

__all__ = ['AttentionPCKMetric']
