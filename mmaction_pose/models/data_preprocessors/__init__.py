# Copyright (c) mmaction-pose. All rights reserved.
from .pose_heatmap_preprocessor import PoseHeatmapPreprocessor

__all__ = ['PoseHeatmapPreprocessor']
