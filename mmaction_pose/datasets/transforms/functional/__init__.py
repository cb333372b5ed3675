# Copyright (c) mmaction-pose. All rights reserved.
"""Pure numpy functions behind the registered transforms."""
from .attention_targets import attention_targets
from .bones import joints_to_bones
from .compact import combine_quadruple, compact_box, crop_keypoints
from .heatmaps import (gaussian_splats, heatmap_flip_index, limb_splats,
                       render_pose_heatmaps)
from .paf import flip_paf, paf_flip_params, render_paf
from .person_box import (box_affine, crop_resize, jitter_box, scale_box,
                         square_box, transform_keypoints, union_box)
from .pose_motion import normalize_pose_clip, pose_velocity
from .resample import interpolate_frames, resample_positions
from .sampling import uniform_sample_indices

__all__ = [
    'attention_targets', 'box_affine', 'combine_quadruple', 'compact_box',
    'crop_keypoints', 'crop_resize', 'flip_paf', 'gaussian_splats',
    'heatmap_flip_index', 'interpolate_frames', 'jitter_box',
    'joints_to_bones', 'limb_splats', 'normalize_pose_clip',
    'paf_flip_params', 'pose_velocity', 'render_paf', 'render_pose_heatmaps',
    'resample_positions', 'scale_box', 'square_box', 'transform_keypoints',
    'uniform_sample_indices', 'union_box'
]
