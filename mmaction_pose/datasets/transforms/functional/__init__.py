# Copyright (c) mmaction-pose. All rights reserved.
__all__: list = []
from .paf import flip_paf, paf_flip_params, render_paf  # noqa: E402

__all__ += ['flip_paf', 'paf_flip_params', 'render_paf']
from .compact import (combine_quadruple, compact_box,  # noqa: E402
                      crop_keypoints)
from .heatmaps import (gaussian_splats, heatmap_flip_index,  # noqa: E402
                       limb_splats, render_pose_heatmaps)
from .sampling import uniform_sample_indices  # noqa: E402

__all__ += [
    'combine_quadruple', 'compact_box', 'crop_keypoints', 'gaussian_splats',
    'heatmap_flip_index', 'limb_splats', 'render_pose_heatmaps',
    'uniform_sample_indices'
]
