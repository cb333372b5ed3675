# Copyright (c) mmaction-pose. All rights reserved.
"""``LayoutJointToBone``: mmaction2's ``JointToBone`` for any of our
skeleton layouts."""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures.gcn_layouts import bone_pairs
from mmaction_pose.structures.skeleton_layouts import get_layout

from .functional.bones import joints_to_bones


@TRANSFORMS.register_module()
class LayoutJointToBone(BaseTransform):
    """Joints → bones (``joint - parent``) of a named skeleton layout.

    mmaction2's ``JointToBone`` and ``GenSkeFeat(feats=['b'])`` know only
    the ``'nturgb+d'``, ``'openpose'`` and ``'coco'`` skeletons. This
    transform reads the ``(joint, parent)`` pairs of any of our layouts
    (:func:`mmaction_pose.structures.bone_pairs`: the parent in the layout's
    GCN tree); on ``'coco17'`` its output equals mmaction2's
    ``JointToBone(dataset='coco')``. Place it after
    ``GenSkeFeat(dataset='coco', feats=['j'])``, which appends the score to
    2D joints, for the bone stream of the GCN configs.

    Required keys: ``keypoint`` ``(M, T, V, C)``. Modified (or added, see
    ``target``): ``target`` ``(M, T, V, C)`` float32.

    Args:
        layout: Skeleton layout name (``'penn13'``, ``'kinect20'``...).
        dims: Coordinate channels; further channels (the score) are
            averaged over the bone's two joints instead of subtracted.
            2 for 2D joints (+ score), 3 for 3D skeletons.
        target: Key of the bones (``'keypoint'`` replaces the joints).
    """

    def __init__(self, layout: str, dims: int = 2,
                 target: str = 'keypoint') -> None:
        if dims not in (2, 3):
            raise ValueError(f'dims must be 2 or 3, got {dims!r}')
        # ``_layout``: the dataset checks the annotations' joint count
        # (a ``target`` attribute would hide it: it names a wrapped step).
        self._layout = get_layout(layout)
        self.layout, self.dims, self.target_key = layout, dims, target
        self.pairs = bone_pairs(layout)

    def transform(self, results: dict) -> dict:
        keypoint = np.asarray(results['keypoint'])
        if keypoint.ndim != 4 or keypoint.shape[2] != \
                self._layout.num_joints:
            raise ValueError(
                f'keypoint must be (M, T, {self._layout.num_joints}, C) for '
                f'layout {self.layout!r}, got {keypoint.shape}')
        results[self.target_key] = joints_to_bones(
            keypoint, self.pairs, self.dims)
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(layout={self.layout!r}, '
                f'dims={self.dims}, target={self.target_key!r})')
