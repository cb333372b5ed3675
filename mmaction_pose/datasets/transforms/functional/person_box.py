# Copyright (c) mmaction-pose. All rights reserved.
"""The person-centric crop of Action Machine (Zhu et al., 2018, Sec. 3.1
and 4.3; spec ``action_machine.md`` 1.1, 1.3, 3.1 and 6).

"The minimal bounding box enclosing all the detected boxes in a video is
used for person cropping" (detections with score >= 0.99). Training
jitters the box centre, width and height, then "the bounding box is made to
a fixed aspect ratio (height : width = 1 : 1) by extending the box in
height or width. It is then cropped from the image and resized".

Coordinates are continuous: pixel ``[r, c]`` covers ``[c, c + 1) x
[r, r + 1)`` and its centre is ``(c + 0.5, r + 0.5)``; an image spans
``[0, W] x [0, H]``. This is the convention of mmaction2's ``Resize``
(``kp * scale``) and ``Flip`` (``W - x``), and of ``cv2.resize``. A box
``[x1, y1, x2, y2]`` maps onto ``[0, out_w] x [0, out_h]``, so
``crop_resize`` (pixels) and ``transform_keypoints`` (points) agree exactly.

Pure numpy / OpenCV functions: no registry, no ``results`` dicts.
"""
from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np


def _as_box(box) -> np.ndarray:
    box = np.asarray(box, dtype=np.float64).reshape(-1)
    if box.shape != (4, ):
        raise ValueError(f'a box is [x1, y1, x2, y2], got {box.shape}')
    return box


def _cxcywh(box) -> tuple[float, float, float, float]:
    x1, y1, x2, y2 = _as_box(box)
    return (x1 + x2) / 2, (y1 + y2) / 2, x2 - x1, y2 - y1


def _from_cxcywh(cx: float, cy: float, w: float, h: float) -> np.ndarray:
    return np.array([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2],
                    dtype=np.float32)


def scale_box(box, scale: float | Sequence[float]) -> np.ndarray:
    """Scale width and height by ``scale`` (or ``(sx, sy)``) about the
    centre: ``(4,)`` float32."""
    sx, sy = np.broadcast_to(np.asarray(scale, dtype=np.float64), (2, ))
    cx, cy, w, h = _cxcywh(box)
    return _from_cxcywh(cx, cy, w * sx, h * sy)


def union_box(keypoint: np.ndarray | None,
              keypoint_score: np.ndarray | None = None,
              score_thr: float = 0.2,
              boxes: np.ndarray | None = None,
              box_scores: np.ndarray | None = None,
              box_score_thr: float = 0.99,
              expand: float = 0.15,
              img_shape: tuple[int, int] | None = None) -> np.ndarray:
    """One person box for a whole video, ``[x1, y1, x2, y2]`` float32.

    In order of preference:

    1. the minimal box enclosing every person box in ``boxes`` (``(M, T,
       4)`` or ``(N, 4)``) whose score is ``>= box_score_thr`` (all boxes
       when ``box_scores`` is ``None``); rows that are not finite or have
       no area (missing detections) are skipped; not expanded;
    2. otherwise the tight box around every keypoint (all persons and
       frames) with score ``> score_thr`` (all when ``keypoint_score`` is
       ``None``), skipping non-finite and ``(0, 0)`` (mmaction2's "missing")
       keypoints, scaled about its centre so that its width and height are
       ``1 + expand`` times the tight ones;
    3. otherwise the full image ``[0, 0, W, H]`` (needs ``img_shape``).

    Args:
        keypoint: ``(..., 2+)`` pixel coordinates, e.g. ``(M, T, V, 2)``.
        keypoint_score: Scores of the shape ``keypoint.shape[:-1]``.
        score_thr: Keypoints at or below this score are ignored.
        boxes: Person detections ``(..., 4)`` in the same coordinates.
        box_scores: Detection scores of the shape ``boxes.shape[:-1]``.
        box_score_thr: Detections below this score are ignored (paper:
            0.99).
        expand: Relative enlargement of the keypoint box.
        img_shape: ``(H, W)`` for the fallback.
    """
    if boxes is not None:
        b = np.asarray(boxes, dtype=np.float64).reshape(-1, 4)
        ok = (
            np.isfinite(b).all(-1) & (b[:, 2] > b[:, 0]) & (b[:, 3] > b[:, 1]))
        if box_scores is not None:
            s = np.asarray(box_scores, dtype=np.float64).reshape(-1)
            if s.size != len(b):
                raise ValueError(f'{s.size} box scores for {len(b)} boxes')
            ok &= s >= box_score_thr
        if ok.any():
            b = b[ok]
            return np.array([*b[:, :2].min(0), *b[:, 2:].max(0)],
                            dtype=np.float32)
    if keypoint is not None:
        xy = np.asarray(keypoint, dtype=np.float64)[..., :2].reshape(-1, 2)
        ok = np.isfinite(xy).all(-1) & (xy != 0).any(-1)
        if keypoint_score is not None:
            s = np.asarray(keypoint_score, dtype=np.float64).reshape(-1)
            if s.size != len(xy):
                raise ValueError(
                    f'{s.size} keypoint scores for {len(xy)} keypoints')
            ok &= s > score_thr
        if ok.any():
            lo, hi = xy[ok].min(0), xy[ok].max(0)
            if (hi > lo).any():  # a single point has no box
                return scale_box([*lo, *hi], 1 + expand)
    if img_shape is None:
        raise ValueError('no person box or keypoint qualifies and img_shape '
                         'is not given for the full-image fallback')
    h, w = img_shape[:2]
    return np.array([0, 0, w, h], dtype=np.float32)


def jitter_box(
    box,
    rng,
    center_jitter: float = 0.1,
    scale_jitter: tuple[float, float] = (0.9, 1.1)
) -> np.ndarray:
    """Random centre, width and height jitter, ``(4,)`` float32.

    The centre moves by ``U[-center_jitter, center_jitter] * (w, h)``; then
    ``w`` and ``h`` are scaled independently by ``U[scale_jitter]``.

    Args:
        box: ``[x1, y1, x2, y2]``.
        rng: Anything with ``uniform(low, high, size)``: ``np.random``,
            a ``RandomState`` or a ``Generator``.
        center_jitter: Maximal centre shift, relative to the box size.
        scale_jitter: ``(low, high)`` of the size factors.
    """
    cx, cy, w, h = _cxcywh(box)
    dx, dy = rng.uniform(-center_jitter, center_jitter, 2)
    sx, sy = rng.uniform(scale_jitter[0], scale_jitter[1], 2)
    return _from_cxcywh(cx + dx * w, cy + dy * h, w * sx, h * sy)


def square_box(box, aspect_ratio: float = 1.0) -> np.ndarray:
    """Extend the shorter side about the centre so that ``h / w ==
    aspect_ratio`` (the box only grows), ``(4,)`` float32."""
    cx, cy, w, h = _cxcywh(box)
    if w <= 0 and h <= 0:
        raise ValueError(f'box {box} has no extent')
    if h < w * aspect_ratio:
        h = w * aspect_ratio
    else:
        w = h / aspect_ratio
    return _from_cxcywh(cx, cy, w, h)


def box_affine(box, out_size: tuple[int, int]) -> np.ndarray:
    """The ``(2, 3)`` ``cv2.warpAffine`` matrix (source pixel indices to
    output pixel indices) that maps ``box`` onto an ``out_size = (h, w)``
    image.

    Pixel index ``i`` has the continuous coordinate ``i + 0.5``, so with
    ``s = out_w / box_w``: ``j + 0.5 = (i + 0.5 - x1) * s`` (same for y).
    """
    x1, y1, x2, y2 = _as_box(box)
    out_h, out_w = out_size
    if x2 <= x1 or y2 <= y1:
        raise ValueError(f'box {[x1, y1, x2, y2]} has no area')
    sx, sy = out_w / (x2 - x1), out_h / (y2 - y1)
    return np.array([[sx, 0., (0.5 - x1) * sx - 0.5],
                     [0., sy, (0.5 - y1) * sy - 0.5]])


def crop_resize(imgs: Sequence[np.ndarray],
                box,
                out_size: tuple[int, int],
                pad_value: float | Sequence[float] = 0) -> list[np.ndarray]:
    """Crop ``box`` (it may leave the image) from every frame and resize it
    to ``out_size = (h, w)``: one bilinear ``cv2.warpAffine`` per frame,
    outside pixels set to ``pad_value`` (a scalar or one per channel).

    Args:
        imgs: Frames ``(H, W)`` or ``(H, W, C)``.
        box: ``[x1, y1, x2, y2]`` in continuous coordinates.
        out_size: ``(out_h, out_w)``.
        pad_value: Fill value of the out-of-image region.

    Returns:
        A list of ``(out_h, out_w[, C])`` frames of the input dtype.
    """
    mat = box_affine(box, out_size)
    pad = (float(pad_value), ) * 4 if np.ndim(pad_value) == 0 else tuple(
        float(p) for p in pad_value)
    out = []
    for img in imgs:
        warped = cv2.warpAffine(
            img,
            mat, (int(out_size[1]), int(out_size[0])),
            flags=cv2.INTER_LINEAR,
            borderMode=cv2.BORDER_CONSTANT,
            borderValue=pad)
        out.append(warped.reshape(warped.shape[:2] + img.shape[2:]))
    return out


def transform_keypoints(keypoint: np.ndarray, box,
                        out_size: tuple[int, int]) -> np.ndarray:
    """Keypoints in the coordinates of ``crop_resize(..., box, out_size)``:
    ``x' = (x - x1) * out_w / box_w``, ``y' = (y - y1) * out_h / box_h``.

    ``keypoint`` is ``(..., 2+)``; channels after ``(x, y)`` are kept.
    Points outside the box are mapped too (negative or ``>= out``). Returns
    a new float32 array.
    """
    x1, y1, x2, y2 = _as_box(box)
    out_h, out_w = out_size
    kp = np.asarray(keypoint)
    out = kp.astype(np.float32, copy=True)
    out[..., 0] = (kp[..., 0] - x1) * (out_w / (x2 - x1))
    out[..., 1] = (kp[..., 1] - y1) * (out_h / (y2 - y1))
    return out
