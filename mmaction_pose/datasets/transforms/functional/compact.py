# Copyright (c) mmaction-pose. All rights reserved.
"""The pose-compact crop of ``PoseCompact``: a box around all joints.

Same arithmetic as mmaction2's ``PoseCompact.transform`` (numpy scalar
maths, ``int`` truncation), but without mutating the input keypoints and
without ``np.Inf`` (removed in numpy 2).

Pure numpy functions: no registry, no ``results`` dicts.
"""
from __future__ import annotations

import numpy as np

Box = tuple[int, int, int, int]
Quadruple = tuple[float, float, float, float]


def _nan_to_zero(keypoint: np.ndarray) -> np.ndarray:
    """A copy with NaN set to 0 (infinities kept, unlike nan_to_num)."""
    return np.where(np.isnan(keypoint), keypoint.dtype.type(0), keypoint)


def compact_box(keypoint: np.ndarray,
                img_shape: tuple[int, int],
                padding: float = 0.25,
                threshold: float = 10,
                hw_ratio: tuple[float, float] | None = None,
                allow_imgpad: bool = True) -> Box | None:
    """The box around all non-zero joints, grown by ``padding``.

    Args:
        keypoint: ``(M, T, V, C≥2)`` pixel coordinates; 0 (or NaN) means
            missing.
        img_shape: ``(H, W)`` of the image the coordinates refer to.
        padding: Relative growth: the box keeps its centre and gets
            ``1 + padding`` times the tight width and height.
        threshold: Below this tight width or height (pixels) there is no
            box.
        hw_ratio: ``(min, max)`` height/width ratio the box is grown to;
            ``None`` disables the aspect constraint.
        allow_imgpad: Let the box leave the image (otherwise it is clipped).

    Returns:
        ``(x1, y1, x2, y2)`` int pixel box, or ``None`` when the tight box is
        smaller than ``threshold``.
    """
    h, w = img_shape
    kp = _nan_to_zero(keypoint[..., :2])
    kp_x, kp_y = kp[..., 0], kp[..., 1]
    min_x = np.min(kp_x[kp_x != 0], initial=np.inf)
    min_y = np.min(kp_y[kp_y != 0], initial=np.inf)
    max_x = np.max(kp_x[kp_x != 0], initial=-np.inf)
    max_y = np.max(kp_y[kp_y != 0], initial=-np.inf)
    if max_x - min_x < threshold or max_y - min_y < threshold:
        return None

    center = ((max_x + min_x) / 2, (max_y + min_y) / 2)
    half_width = (max_x - min_x) / 2 * (1 + padding)
    half_height = (max_y - min_y) / 2 * (1 + padding)
    if hw_ratio is not None:
        half_height = max(hw_ratio[0] * half_width, half_height)
        half_width = max(1 / hw_ratio[1] * half_height, half_width)
    x1, x2 = center[0] - half_width, center[0] + half_width
    y1, y2 = center[1] - half_height, center[1] + half_height
    if allow_imgpad:
        return int(x1), int(y1), int(x2), int(y2)
    return (int(max(0, x1)), int(max(0, y1)), int(min(w, x2)),
            int(min(h, y2)))


def crop_keypoints(keypoint: np.ndarray, box: Box) -> np.ndarray:
    """Shift the non-zero coordinates into ``box`` (NaN becomes 0).

    Args:
        keypoint: ``(M, T, V, C≥2)``; only channels 0 (x) and 1 (y) move.
        box: ``(x1, y1, x2, y2)`` from :func:`compact_box`.

    Returns:
        A new array of the same shape and dtype.
    """
    kp = _nan_to_zero(keypoint)
    for axis, shift in ((0, box[0]), (1, box[1])):
        coord = kp[..., axis]
        kp[..., axis] = np.where(coord != 0, coord - shift, coord)
    return kp


def combine_quadruple(outer: Quadruple, inner: Quadruple) -> Quadruple:
    """Compose relative crops ``(x, y, w, h)``: ``inner`` inside ``outer``.

    (mmaction2's ``processing._combine_quadruple``.)
    """
    return (outer[0] + outer[2] * inner[0], outer[1] + outer[3] * inner[1],
            outer[2] * inner[2], outer[3] * inner[3])
