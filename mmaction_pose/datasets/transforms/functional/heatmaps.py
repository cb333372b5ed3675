# Copyright (c) mmaction-pose. All rights reserved.
"""Vectorised pseudo heatmaps: the numpy core of ``GeneratePoseTarget``.

mmaction2's ``GeneratePoseTarget`` (``pose_transforms.py``; see
``reference_implementations.md`` §1.3) loops in Python over frames × joints
(or limbs) × persons and pastes a small window per primitive with
``np.maximum``. Here every primitive becomes a *splat*: the pixels of the
same window (same integer truncation, same float32 arithmetic, same
``eps`` skip) and their values, computed for all primitives at once; one
``np.maximum.at`` per group combines them, which is mmaction2's pixel-wise
max over persons. Outputs equal mmaction2's to float32 rounding.

Limb windows are bounding boxes of very different sizes, so limbs are
grouped by window size (a geometric ladder) and each group is evaluated on
its padded window; padded pixels get value 0 and cannot change a max.

Pure numpy functions: no registry, no ``results`` dicts, inputs not
mutated.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

EPS = 1e-4  # mmaction2's GeneratePoseTarget.eps: lower scores are skipped

# (instance ids (n,), rows (n, Ky), cols (n, Kx), values (n, Ky, Kx))
Splats = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def heatmap_flip_index(num_joints: int,
                       num_limbs: int,
                       with_kp: bool,
                       with_limb: bool,
                       left_kp: Sequence[int],
                       right_kp: Sequence[int],
                       left_limb: Sequence[int],
                       right_limb: Sequence[int]) -> tuple[int, ...]:
    """Channel order of the horizontally flipped copy (``double=True``).

    Flipped channel ``j`` is original channel ``index[j]``. Joint channels
    come first, limb channels after them (offset by ``num_joints``); each
    block swaps its own left/right pairs. (mmaction2 swaps only the joint
    pairs when both blocks are present.)
    """
    index = np.arange(num_joints * with_kp + num_limbs * with_limb)
    blocks = []
    if with_kp:
        blocks.append((0, left_kp, right_kp))
    if with_limb:
        blocks.append((num_joints * with_kp, left_limb, right_limb))
    for offset, left, right in blocks:
        for a, b in zip(left, right):
            index[offset + a] = offset + b
            index[offset + b] = offset + a
    return tuple(int(i) for i in index)


def _window(lo: np.ndarray, hi: np.ndarray, radius: float,
            size: int) -> tuple[np.ndarray, np.ndarray]:
    """mmaction2's ``max(int(lo - r), 0)`` / ``min(int(hi + r) + 1, size)``.

    ``lo``/``hi`` are float32; like numpy scalar maths in mmaction2 the
    offset is applied in float64 and ``int`` truncates towards zero.
    """
    # Clipping both ends to [0, size] keeps empty windows empty and makes
    # the int conversion safe for huge coordinates.
    start = np.clip(np.trunc(lo.astype(np.float64) - radius), 0, size)
    end = np.clip(np.trunc(hi.astype(np.float64) + radius) + 1, 0, size)
    return start.astype(np.int64), end.astype(np.int64)


def gaussian_splats(centers: np.ndarray,
                    values: np.ndarray,
                    canvas: tuple[int, int],
                    sigma: float,
                    eps: float = EPS) -> Splats:
    """Gaussian windows of point primitives (``generate_a_heatmap``).

    Args:
        centers: ``(n, 2)`` float32 ``(x, y)`` in canvas pixels.
        values: ``(n,)`` peak values (scores); below ``eps`` (or NaN) means
            absent.
        canvas: ``(H, W)``.
        sigma: Gaussian standard deviation in pixels.

    Returns:
        ``(ids, rows, cols, vals)`` with ``ids = arange(n)``, windows of
        ``K = ⌊6σ⌋ + 2`` pixels per axis; pixels outside a primitive's
        window (or of a skipped primitive) hold 0 at a clamped position.
    """
    h, w = canvas
    centers = np.asarray(centers, np.float32).reshape(-1, 2)
    values = np.asarray(values).reshape(-1)
    n = centers.shape[0]
    ok = (values >= eps) & np.isfinite(centers).all(1)
    cx = np.where(ok, centers[:, 0], np.float32(0))
    cy = np.where(ok, centers[:, 1], np.float32(0))
    st_x, ed_x = _window(cx, cx, 3 * sigma, w)
    st_y, ed_y = _window(cy, cy, 3 * sigma, h)
    # ed - st <= floor(6σ) + 2 for truncated windows (margin for rounding)
    k = int(6 * sigma + 1e-6) + 2
    offsets = np.arange(k)
    cols = st_x[:, None] + offsets
    rows = st_y[:, None] + offsets
    col_in = cols < ed_x[:, None]
    row_in = (rows < ed_y[:, None]) & ok[:, None]
    dx = (cols.astype(np.float32) - cx[:, None])**2
    dy = (rows.astype(np.float32) - cy[:, None])**2
    vals = np.exp(-(dx[:, None, :] + dy[:, :, None]) / 2 / sigma**2)
    vals = vals * values.astype(np.float32)[:, None, None]
    vals = np.where(row_in[:, :, None] & col_in[:, None, :], vals,
                    np.float32(0))
    return (np.arange(n), np.minimum(rows, h - 1), np.minimum(cols, w - 1),
            vals)


def window_size_groups(heights: np.ndarray, widths: np.ndarray) -> list:
    """Split instances into groups of similar window size.

    Sizes are rounded up on a ×√2 ladder, so padding every window of a
    group to the group's largest one costs at most ~2x.

    Returns:
        Index arrays, one per group.
    """
    ladder = np.unique(np.round(4 * np.sqrt(2)**np.arange(24)).astype(int))
    key = (np.searchsorted(ladder, heights) * ladder.size +
           np.searchsorted(ladder, widths))
    order = np.argsort(key, kind='stable')
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    return np.split(order, bounds)


def limb_splats(starts: np.ndarray,
                ends: np.ndarray,
                start_values: np.ndarray,
                end_values: np.ndarray,
                canvas: tuple[int, int],
                sigma: float,
                eps: float = EPS) -> list[Splats]:
    """Windows of segment primitives (``generate_a_limb_heatmap``).

    The value at a pixel is ``min(v_a, v_b) · exp(-d²/2σ²)`` with ``d`` the
    distance to the segment, inside the segment's bounding box grown by
    ``3σ``. Segments with ``|ab|² < 1`` fall back to a Gaussian at the start
    with the start's value, as in mmaction2.

    Args:
        starts, ends: ``(n, 2)`` float32 endpoints ``(x, y)``.
        start_values, end_values: ``(n,)`` endpoint scores.
        canvas: ``(H, W)``.

    Returns:
        A list of splat groups ``(ids, rows, cols, vals)``; ``ids`` index
        the ``n`` segments.
    """
    h, w = canvas
    s = np.asarray(starts, np.float32).reshape(-1, 2)
    e = np.asarray(ends, np.float32).reshape(-1, 2)
    sv = np.asarray(start_values).reshape(-1)
    value = np.minimum(sv, np.asarray(end_values).reshape(-1))
    ok = (value >= eps) & np.isfinite(s).all(1) & np.isfinite(e).all(1)
    s = np.where(ok[:, None], s, np.float32(0))
    e = np.where(ok[:, None], e, np.float32(0))
    st_x, ed_x = _window(np.minimum(s[:, 0], e[:, 0]),
                         np.maximum(s[:, 0], e[:, 0]), 3 * sigma, w)
    st_y, ed_y = _window(np.minimum(s[:, 1], e[:, 1]),
                         np.maximum(s[:, 1], e[:, 1]), 3 * sigma, h)
    ok &= (ed_x > st_x) & (ed_y > st_y)
    # float32 differences squared in float64, as mmaction2's scalar maths.
    diff = (s - e).astype(np.float64)
    d2_ab = diff[:, 0]**2 + diff[:, 1]**2
    groups = []
    short = np.flatnonzero(ok & (d2_ab < 1))
    if short.size:
        _, rows, cols, vals = gaussian_splats(s[short], sv[short], canvas,
                                              sigma, eps)
        groups.append((short, rows, cols, vals))
    long_ = np.flatnonzero(ok & (d2_ab >= 1))
    if not long_.size:
        return groups
    d2_ab = d2_ab.astype(np.float32)
    for ids in window_size_groups((ed_y - st_y)[long_], (ed_x - st_x)[long_]):
        ids = long_[ids]
        ky = int((ed_y - st_y)[ids].max())
        kx = int((ed_x - st_x)[ids].max())
        rows = st_y[ids, None] + np.arange(ky)
        cols = st_x[ids, None] + np.arange(kx)
        inside = ((rows < ed_y[ids, None])[:, :, None] &
                  (cols < ed_x[ids, None])[:, None, :])
        y = rows.astype(np.float32)[:, :, None]
        x = cols.astype(np.float32)[:, None, :]
        sx, sy, ex, ey = (a[ids, None, None]
                          for a in (s[:, 0], s[:, 1], e[:, 0], e[:, 1]))
        ab = d2_ab[ids, None, None]
        d2_start = (x - sx)**2 + (y - sy)**2
        d2_end = (x - ex)**2 + (y - ey)**2
        coeff = (d2_start - d2_end + ab) / 2. / ab
        d2_line = ((x - (sx + coeff * (ex - sx)))**2 +
                   (y - (sy + coeff * (ey - sy)))**2)
        d2 = np.where(coeff <= 0, d2_start,
                      np.where(coeff >= 1, d2_end, d2_line))
        vals = np.exp(-d2 / 2. / sigma**2)
        vals = vals * value[ids].astype(np.float32)[:, None, None]
        groups.append((ids, np.minimum(rows, h - 1), np.minimum(cols, w - 1),
                       np.where(inside, vals, np.float32(0))))
    return groups


def pose_splats(keypoint: np.ndarray,
                keypoint_score: np.ndarray,
                canvas: tuple[int, int],
                sigma: float,
                with_kp: bool,
                with_limb: bool,
                skeletons: Sequence[Sequence[int]],
                eps: float = EPS) -> tuple[list[Splats], np.ndarray,
                                           np.ndarray]:
    """All splats of a pose sequence, with the frame and channel of each.

    Args:
        keypoint: ``(M, T, V, 2)`` float32 canvas coordinates.
        keypoint_score: ``(M, T, V)`` scores.

    Returns:
        ``(groups, frame, channel)``: splat groups whose ``ids`` index the
        primitive arrays ``frame`` and ``channel`` (joints first, then limbs
        at channel offset ``V``).
    """
    m, t, v = keypoint.shape[:3]
    frames = np.arange(t)[None, :, None]
    groups, frame, channel = [], [], []
    if with_kp:
        groups.append(
            gaussian_splats(keypoint.reshape(-1, 2), keypoint_score.ravel(),
                            canvas, sigma, eps))
        frame.append(np.broadcast_to(frames, (m, t, v)).ravel())
        channel.append(np.broadcast_to(np.arange(v), (m, t, v)).ravel())
    if with_limb and len(skeletons):
        a, b = np.asarray(skeletons, np.int64).reshape(-1, 2).T
        num = len(a)
        base = sum(len(f) for f in frame)
        for ids, rows, cols, vals in limb_splats(
                keypoint[:, :, a].reshape(-1, 2),
                keypoint[:, :, b].reshape(-1, 2),
                keypoint_score[:, :, a].ravel(),
                keypoint_score[:, :, b].ravel(), canvas, sigma, eps):
            groups.append((ids + base, rows, cols, vals))
        frame.append(np.broadcast_to(frames, (m, t, num)).ravel())
        channel.append(
            np.broadcast_to(np.arange(num) + v * with_kp, (m, t, num)).ravel())
    if not frame:
        return [], np.zeros(0, np.int64), np.zeros(0, np.int64)
    return groups, np.concatenate(frame), np.concatenate(channel)


def render_pose_heatmaps(keypoint: np.ndarray,
                         keypoint_score: np.ndarray,
                         canvas: tuple[int, int],
                         sigma: float = 0.6,
                         with_kp: bool = True,
                         with_limb: bool = False,
                         skeletons: Sequence[Sequence[int]] = (),
                         flip_index: Sequence[int] | None = None,
                         eps: float = EPS) -> np.ndarray:
    """Render joint and/or limb pseudo heatmaps of every frame.

    Args:
        keypoint: ``(M, T, V, 2)`` ``(x, y)`` in pixels of ``canvas``.
        keypoint_score: ``(M, T, V)`` peak values (use ones to ignore
            scores).
        canvas: ``(H, W)`` of the maps.
        sigma: Gaussian standard deviation in pixels.
        with_kp, with_limb: Render ``V`` joint and/or ``L`` limb channels
            (joints first).
        skeletons: ``L`` joint pairs of the limb channels.
        flip_index: If given, append the horizontally flipped maps with
            channel ``j`` taken from channel ``flip_index[j]``
            (``double=True``; see :func:`heatmap_flip_index`).

    Returns:
        ``(T', C, H, W)`` float32, ``T' = 2T`` with ``flip_index``. It is a
        transposed view of a ``(C, T', H, W)`` C-contiguous array, so
        ``FormatShape('NCTHW_Heatmap')`` of a 1-clip sample needs no copy.
    """
    h, w = (int(x) for x in canvas)
    keypoint = np.asarray(keypoint, np.float32)
    m, t, v = keypoint.shape[:3]
    num_c = v * with_kp + len(skeletons) * with_limb
    t_out = t * (2 if flip_index is not None else 1)
    # empty + fill, not zeros: numpy asks for huge pages only for
    # np.empty, and page-faulting a calloc'ed buffer 4 KiB at a time from
    # the scattered writes costs several times the rendering itself.
    out = np.empty((num_c, t_out, h, w), np.float32)
    out.fill(0)
    if out.size == 0 or m == 0:
        return out.transpose(1, 0, 2, 3)
    groups, frame, channel = pose_splats(keypoint, np.asarray(keypoint_score),
                                         (h, w), sigma, with_kp, with_limb,
                                         skeletons, eps)
    flat = out.reshape(-1)
    inverse = None
    if flip_index is not None:
        flip_index = np.asarray(flip_index, np.int64)
        if np.array_equal(np.sort(flip_index), np.arange(num_c)):
            inverse = np.argsort(flip_index)
    for ids, rows, cols, vals in groups:
        base = (channel[ids] * t_out + frame[ids]) * (h * w)
        index = (base[:, None, None] + rows[:, :, None] * w +
                 cols[:, None, :])
        np.maximum.at(flat, index.ravel(), vals.ravel())
        if inverse is not None:
            base = (inverse[channel[ids]] * t_out + t + frame[ids]) * (h * w)
            index = (base[:, None, None] + rows[:, :, None] * w +
                     (w - 1 - cols)[:, None, :])
            np.maximum.at(flat, index.ravel(), vals.ravel())
    if flip_index is not None and inverse is None:
        out[:, t:] = out[flip_index, :t, :, ::-1]
    return out.transpose(1, 0, 2, 3)
