# Copyright (c) mmaction-pose. All rights reserved.
from .gcn_layouts import GCN_CENTRES, bone_pairs, gcn_layout
from .skeleton_layouts import (COCO17, COCO17_TO_PENN13, JHMDB15, KINECT20,
                               LAYOUTS, NTU25, PENN13, SkeletonLayout,
                               convert_keypoints, get_layout, layout_lists)

__all__ = [
    'COCO17', 'COCO17_TO_PENN13', 'GCN_CENTRES', 'JHMDB15', 'KINECT20',
    'LAYOUTS', 'NTU25', 'PENN13', 'SkeletonLayout', 'bone_pairs',
    'convert_keypoints', 'gcn_layout', 'get_layout', 'layout_lists'
]
