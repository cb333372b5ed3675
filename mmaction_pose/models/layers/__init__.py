# Copyright (c) mmaction-pose. All rights reserved.
__all__: list = []
from .temporal_pose_conv import TemporalPoseConv  # noqa: E402

__all__ += ['TemporalPoseConv']
from .heatmap_renderer import render_heatmap_volumes  # noqa: E402

__all__ += ['render_heatmap_volumes']
