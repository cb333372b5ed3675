# Copyright (c) mmaction-pose. All rights reserved.
__all__: list = []
from .pose_heatmap_preprocessor import PoseHeatmapPreprocessor  # noqa: E402

__all__ += ['PoseHeatmapPreprocessor']
