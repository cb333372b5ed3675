# Copyright (c) mmaction-pose. All rights reserved.
from .skeleton_layouts import (COCO17, COCO17_TO_PENN13, JHMDB15, LAYOUTS,
                               NTU25, PENN13, SkeletonLayout,
                               convert_keypoints, get_layout, layout_lists)

__all__ = [
    'COCO17', 'COCO17_TO_PENN13', 'JHMDB15', 'LAYOUTS', 'NTU25', 'PENN13',
    'SkeletonLayout', 'convert_keypoints', 'get_layout', 'layout_lists'
]
