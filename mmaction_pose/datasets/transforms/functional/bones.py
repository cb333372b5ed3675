# Copyright (c) mmaction-pose. All rights reserved.
"""Joint coordinates → bone vectors (the bone stream of 2s-AGCN / ST-GCN++)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def joints_to_bones(keypoint: np.ndarray,
                    pairs: Sequence[tuple[int, int]],
                    dims: int = 2) -> np.ndarray:
    """Bone vectors ``joint - parent`` for every ``(joint, parent)`` pair.

    Args:
        keypoint: ``(..., V, C)`` joints; the first ``dims`` channels are
            coordinates, any further channel (the score ``GenSkeFeat``
            appends to 2D joints) a confidence.
        pairs: ``(joint, parent)`` index pairs (e.g.
            :func:`mmaction_pose.structures.bone_pairs`); a joint paired
            with itself gets a zero bone.
        dims: Number of coordinate channels (2, or 3 for 3D skeletons).

    Returns:
        ``(..., V, C)`` float32: at ``joint``, the coordinate difference to
        ``parent`` and, beyond ``dims``, the mean of both confidences
        (mmaction2's ``JointToBone`` for 2D layouts); zeros for joints in
        no pair.
    """
    keypoint = np.asarray(keypoint)
    if keypoint.shape[-1] < dims:
        raise ValueError(f'keypoint has {keypoint.shape[-1]} channels, '
                         f'fewer than dims={dims}')
    bones = np.zeros(keypoint.shape, np.float32)
    if not len(pairs):
        return bones
    child, parent = (np.asarray(i, np.int64) for i in zip(*pairs))
    bones[..., child, :dims] = \
        keypoint[..., child, :dims] - keypoint[..., parent, :dims]
    bones[..., child, dims:] = \
        (keypoint[..., child, dims:] + keypoint[..., parent, dims:]) / 2
    return bones
