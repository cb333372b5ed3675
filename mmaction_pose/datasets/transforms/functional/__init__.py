# Copyright (c) mmaction-pose. All rights reserved.
"""Pure numpy functions behind the registered transforms."""
from .attention_targets import attention_targets
from .compact import combine_quadruple, compact_box, crop_keypoints
from .heatmaps import (gaussian_splats, heatmap_flip_index, limb_splats,
                       render_pose_heatmaps)
from .paf import flip_paf, paf_flip_params, render_paf
from .sampling import uniform_sample_indices

__all__ = [
    'attention_targets', 'combine_quadruple', 'compact_box', 'crop_keypoints', 'flip_paf',
    'gaussian_splats', 'heatmap_flip_index', 'limb_splats',
    'paf_flip_params', 'render_paf', 'render_pose_heatmaps',
    'uniform_sample_indices'
]
