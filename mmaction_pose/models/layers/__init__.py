# Copyright (c) mmaction-pose. All rights reserved.
from .heatmap_offsets import HeatmapOffsetDecoder
from .heatmap_renderer import render_heatmap_volumes
from .pose_appearance_fusion import PoseAppearanceFusion, channel_pool
from .pose_attention import PoseAttention
from .temporal_pose_conv import TemporalPoseConv

__all__ = [
    'HeatmapOffsetDecoder', 'PoseAppearanceFusion', 'PoseAttention',
    'TemporalPoseConv', 'channel_pool', 'render_heatmap_volumes'
]
