# Copyright (c) mmaction-pose. All rights reserved.
from .heatmap_renderer import render_heatmap_volumes
from .temporal_pose_conv import TemporalPoseConv

__all__ = ['TemporalPoseConv', 'render_heatmap_volumes']
