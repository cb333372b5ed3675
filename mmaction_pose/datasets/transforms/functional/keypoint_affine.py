# Copyright (c) mmaction-pose. All rights reserved.
"""A random 2D affine map of a clip's joints: a cheap stand-in for a change
of camera view (the custom-dataset recipe, configs/posec3d/custom_*.py).

A camera turned around the person (yaw) mostly shortens or stretches the
body horizontally, a tilted camera rotates it in the image plane, and an
oblique view shears it. One map per clip (a view does not change within a
clip), applied about the centre of the clip's valid joints; missing joints
(both coordinates 0, mmaction2's convention) stay missing.
"""
from __future__ import annotations

import numpy as np


def view_affine_matrix(rotation: float = 0.,
                       scale_x: float = 1.,
                       scale_y: float = 1.,
                       shear: float = 0.) -> np.ndarray:
    """The ``2 x 2`` linear part ``R(rotation) @ Shear(shear) @ S``.

    Args:
        rotation: In-plane rotation (degrees, counter-clockwise in image
            coordinates with y pointing down: clockwise on screen).
        scale_x, scale_y: Axis scales applied first.
        shear: Horizontal shear factor (``x += shear * y``).

    Returns:
        ``(2, 2)`` float64 matrix acting on column vectors ``(x, y)``.
    """
    theta = np.deg2rad(rotation)
    c, s = np.cos(theta), np.sin(theta)
    rot = np.array([[c, -s], [s, c]])
    shr = np.array([[1., shear], [0., 1.]])
    return rot @ shr @ np.diag([scale_x, scale_y])


def apply_view_affine(keypoint: np.ndarray,
                      matrix: np.ndarray) -> np.ndarray:
    """Map the joints of a clip about the centre of its valid joints.

    Pure function: the input is not modified.

    Args:
        keypoint: ``(M, T, V, C)`` with ``C >= 2``; only ``x, y`` change.
        matrix: ``(2, 2)`` linear map (:func:`view_affine_matrix`).

    Returns:
        A new array of the same shape and dtype; joints with ``x = y = 0``
        and non-finite joints are returned unchanged.
    """
    xy = keypoint[..., :2].astype(np.float64)
    valid = np.isfinite(xy).all(-1) & (xy != 0).any(-1)
    out = keypoint.copy()
    if not valid.any():
        return out
    centre = xy[valid].mean(0)
    moved = (xy[valid] - centre) @ np.asarray(matrix, np.float64).T + centre
    out_xy = xy.copy()
    out_xy[valid] = moved
    out[..., :2] = out_xy.astype(keypoint.dtype)
    return out
