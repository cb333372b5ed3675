# Copyright (c) mmaction-pose. All rights reserved.
"""Body-normalized joint coordinates and their velocities (the input of the
1D temporal CNN baseline)."""
from __future__ import annotations

import numpy as np


def normalize_pose_clip(keypoint: np.ndarray,
                        score: np.ndarray | None = None,
                        score_thr: float = 0.
                        ) -> tuple[np.ndarray, np.ndarray]:
    """Centre every person of a clip on its body centre, scale by its size.

    For person ``m`` with valid joints ``p`` (score above ``score_thr``,
    finite coordinates):

    * centre ``c_m`` = the mean of its valid joints over all frames;
    * size ``s_m`` = the mean, over the frames with at least two valid
      joints, of the frame's joint extent ``max_k (max p_k - min p_k)``
      (the larger side of the box around that frame's valid joints), or 1
      where no frame has two valid joints or the extent is 0;
    * output ``(p - c_m) / s_m``, and 0 at invalid joints.

    The centre is per clip, not per frame, so moving across the image (walk
    around) stays visible; the size is per frame, so it does not grow with
    that motion.

    Args:
        keypoint: ``(M, T, V, C)`` joint coordinates (pixels, metres...).
        score: ``(M, T, V)`` confidences; ``None``: every finite joint is
            valid.
        score_thr: Joints with a score at or below it are invalid.

    Returns:
        ``(M, T, V, C)`` float32 normalized joints and the ``(M, T, V)``
        bool validity mask.
    """
    kp = np.asarray(keypoint, np.float64)
    valid = np.isfinite(kp).all(-1)
    if score is not None:
        valid &= np.asarray(score) > score_thr
    kp = np.where(valid[..., None], kp, 0.)
    out = np.zeros(kp.shape, np.float32)
    for m in range(kp.shape[0]):
        joints = kp[m][valid[m]]  # (n, C)
        if not len(joints):
            continue
        centre = joints.mean(0)
        extents = []
        for t in range(kp.shape[1]):
            pts = kp[m, t][valid[m, t]]
            if len(pts) >= 2:
                extents.append((pts.max(0) - pts.min(0)).max())
        size = float(np.mean(extents)) if extents else 0.
        size = size if size > 0 else 1.
        out[m] = np.where(valid[m][..., None], (kp[m] - centre) / size, 0.)
    return out, valid


def pose_velocity(keypoint: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Forward differences over frames: ``v_t = p_{t+1} - p_t``.

    Args:
        keypoint: ``(M, T, V, C)`` joints.
        valid: ``(M, T, V)`` bool mask.

    Returns:
        ``(M, T, V, C)`` float32; 0 in the last frame (as mmaction2's
        ``ToMotion``) and wherever either frame's joint is invalid.
    """
    kp = np.asarray(keypoint, np.float32)
    vel = np.zeros(kp.shape, np.float32)
    both = valid[:, 1:] & valid[:, :-1]
    vel[:, :-1] = np.where(both[..., None], kp[:, 1:] - kp[:, :-1], 0.)
    return vel
