# Copyright (c) mmaction-pose. All rights reserved.
"""New camera views of a 3D skeleton: rotate it about its own vertical axis
and project it with a pinhole camera (the custom-dataset recipe's
``view_rotation``, configs/posec3d/custom_*.py).

Where a pickle keeps the 3D joints the 2D joints were projected from
(N-UCLA's ``keypoint_3d``, Kinect camera coordinates in metres), turning
the person in front of the camera gives the 2D joints another camera would
have seen: the exact version of what ``RandomViewAffine`` approximates in
2D (foreshortening and self-occlusion order included). Camera coordinates
follow the Kinect convention: x right, y up, z away from the camera.
"""
from __future__ import annotations

import numpy as np


def project_pinhole(xyz: np.ndarray, fx: float, fy: float, cx: float,
                    cy: float) -> tuple[np.ndarray, np.ndarray]:
    """Pinhole projection ``u = fx * x / z + cx``, ``v = -fy * y / z + cy``
    (the camera's y axis points up, the image's down).

    Args:
        xyz: ``(..., 3)`` camera coordinates.
        fx, fy, cx, cy: Intrinsics in pixels.

    Returns:
        ``(..., 2)`` float32 pixels ``(u, v)`` and the ``(...)`` bool mask
        of projectable joints (finite, ``z > 0``); unprojectable joints are
        ``(0, 0)``.
    """
    xyz = np.asarray(xyz, np.float64)
    x, y, z = xyz[..., 0], xyz[..., 1], xyz[..., 2]
    valid = np.isfinite(xyz).all(-1) & (z > 0)
    safe_z = np.where(valid, z, 1.)
    uv = np.stack([fx * x / safe_z + cx, -fy * y / safe_z + cy], -1)
    uv = np.where(valid[..., None], uv, 0.)
    return uv.astype(np.float32), valid


def view_rotation_matrix(yaw: float = 0., pitch: float = 0.) -> np.ndarray:
    """``R = Rx(pitch) @ Ry(yaw)``: turn about the vertical (y) axis, then
    tilt about the horizontal (x) axis.

    Args:
        yaw: Degrees; positive turns the person's right side (the camera's
            +x side) away from the camera.
        pitch: Degrees; positive tilts the top away from the camera.

    Returns:
        ``(3, 3)`` float64 rotation acting on column vectors ``(x, y, z)``.
    """
    a, b = np.deg2rad(yaw), np.deg2rad(pitch)
    ry = np.array([[np.cos(a), 0., np.sin(a)], [0., 1., 0.],
                   [-np.sin(a), 0., np.cos(a)]])
    rx = np.array([[1., 0., 0.], [0., np.cos(b), -np.sin(b)],
                   [0., np.sin(b), np.cos(b)]])
    return rx @ ry


def rotate_skeleton(xyz: np.ndarray, rotation: np.ndarray) -> np.ndarray:
    """Rotate a clip's joints about the centre of its valid joints.

    One rotation for the whole clip (a camera does not move within a
    clip), so the person's path through the room turns with it.

    Args:
        xyz: ``(M, T, V, 3)`` camera coordinates (non-finite joints and
            joints at ``(0, 0, 0)`` count as missing).
        rotation: ``(3, 3)`` (:func:`view_rotation_matrix`).

    Returns:
        A new float64 array of the same shape; missing joints unchanged.
    """
    xyz = np.asarray(xyz, np.float64)
    valid = np.isfinite(xyz).all(-1) & (xyz != 0).any(-1)
    out = xyz.copy()
    if not valid.any():
        return out
    centre = xyz[valid].mean(0)
    out[valid] = (xyz[valid] - centre) @ np.asarray(rotation).T + centre
    return out


def reproject_view(xyz: np.ndarray, yaw: float, pitch: float,
                   intrinsics: dict) -> tuple[np.ndarray, np.ndarray]:
    """The 2D joints of the clip seen after turning it by ``yaw`` / ``pitch``.

    Args:
        xyz: ``(M, T, V, 3)`` camera coordinates.
        yaw, pitch: Degrees (:func:`view_rotation_matrix`).
        intrinsics: ``dict(fx=, fy=, cx=, cy=)`` in pixels.

    Returns:
        ``(M, T, V, 2)`` float32 pixels and the ``(M, T, V)`` mask of
        projectable joints (missing 3D joints stay missing).
    """
    xyz = np.asarray(xyz, np.float64)
    present = np.isfinite(xyz).all(-1) & (xyz != 0).any(-1)
    moved = rotate_skeleton(xyz, view_rotation_matrix(yaw, pitch))
    uv, valid = project_pinhole(moved, **intrinsics)
    valid &= present
    return np.where(valid[..., None], uv, 0.).astype(np.float32), valid
