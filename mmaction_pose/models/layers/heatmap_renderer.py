# Copyright (c) mmaction-pose. All rights reserved.
"""Batched pseudo-heatmap rendering in torch, on the keypoints' device.

A torch port of :mod:`mmaction_pose.datasets.transforms.functional.heatmaps`
(the vectorised ``GeneratePoseTarget``): the same windows, float32
arithmetic and per-person max (``scatter_reduce_(..., 'amax')``), for a
whole batch at once, written directly in the model's
``(N, views, C, clip_len, H, W)`` layout. Values equal ``GeneratePoseTarget``
+ ``FormatShape('NCTHW_Heatmap')`` + stacking, to float32 rounding.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch
from torch import Tensor

from mmaction_pose.datasets.transforms.functional.heatmaps import (
    EPS, window_size_groups)
from .dense_pose_maps import segment_d2

Splats = tuple[Tensor, Tensor, Tensor, Tensor]


def _window(lo: Tensor, hi: Tensor, radius: float,
            size: Tensor) -> tuple[Tensor, Tensor]:
    """``max(int(lo - r), 0)`` / ``min(int(hi + r) + 1, size)`` per row."""
    size = size.double()
    start = torch.minimum(torch.trunc(lo.double() - radius).clamp(min=0),
                          size)
    end = torch.minimum(torch.trunc(hi.double() + radius) + 1,
                        size).clamp(min=0)
    return start.long(), end.long()


def gaussian_splats(centers: Tensor, values: Tensor, height: Tensor,
                    width: Tensor, sigma: float, eps: float = EPS) -> Splats:
    """Gaussian windows of ``n`` points on per-point canvases.

    Args:
        centers: ``(n, 2)`` float32 ``(x, y)``.
        values: ``(n,)`` peak values; below ``eps`` (or NaN) means absent.
        height, width: ``(n,)`` int64 canvas size of each point.

    Returns:
        ``(ids, rows (n, K), cols (n, K), vals (n, K, K))``; pixels outside a
        window hold 0 at a clamped position.
    """
    ok = (values >= eps) & torch.isfinite(centers).all(1)
    centers = torch.where(ok[:, None], centers, torch.zeros_like(centers))
    cx, cy = centers[:, 0], centers[:, 1]
    st_x, ed_x = _window(cx, cx, 3 * sigma, width)
    st_y, ed_y = _window(cy, cy, 3 * sigma, height)
    offsets = torch.arange(int(6 * sigma + 1e-6) + 2, device=centers.device)
    cols = st_x[:, None] + offsets
    rows = st_y[:, None] + offsets
    inside = (((rows < ed_y[:, None]) & ok[:, None])[:, :, None] &
              (cols < ed_x[:, None])[:, None, :])
    dx = (cols.float() - cx[:, None])**2
    dy = (rows.float() - cy[:, None])**2
    vals = torch.exp(-(dx[:, None, :] + dy[:, :, None]) / 2 / sigma**2)
    vals = torch.where(inside, vals * values.float()[:, None, None], 0.)
    rows = torch.minimum(rows, height[:, None] - 1).clamp(min=0)
    cols = torch.minimum(cols, width[:, None] - 1).clamp(min=0)
    return torch.arange(len(values), device=centers.device), rows, cols, vals


def limb_splats(starts: Tensor, ends: Tensor, start_values: Tensor,
                end_values: Tensor, height: Tensor, width: Tensor,
                sigma: float, eps: float = EPS) -> list[Splats]:
    """Segment windows (``generate_a_limb_heatmap``), grouped by size.

    Args:
        starts, ends: ``(n, 2)`` float32 endpoints.
        start_values, end_values: ``(n,)`` endpoint scores.
        height, width: ``(n,)`` int64 canvas size of each segment.

    Returns:
        Splat groups ``(ids, rows, cols, vals)``; ``ids`` index the ``n``
        segments. Segments with ``|ab|² < 1`` are Gaussians at the start.
    """
    value = torch.minimum(start_values, end_values)
    start_values = start_values.float()
    ok = ((value >= eps) & torch.isfinite(starts).all(1) &
          torch.isfinite(ends).all(1))
    s = torch.where(ok[:, None], starts, torch.zeros_like(starts))
    e = torch.where(ok[:, None], ends, torch.zeros_like(ends))
    st_x, ed_x = _window(torch.minimum(s[:, 0], e[:, 0]),
                         torch.maximum(s[:, 0], e[:, 0]), 3 * sigma, width)
    st_y, ed_y = _window(torch.minimum(s[:, 1], e[:, 1]),
                         torch.maximum(s[:, 1], e[:, 1]), 3 * sigma, height)
    ok &= (ed_x > st_x) & (ed_y > st_y)
    diff = (s - e).double()
    d2_ab = diff[:, 0]**2 + diff[:, 1]**2
    groups = []
    short = torch.nonzero(ok & (d2_ab < 1)).flatten()
    if len(short):
        _, rows, cols, vals = gaussian_splats(s[short], start_values[short],
                                              height[short], width[short],
                                              sigma, eps)
        groups.append((short, rows, cols, vals))
    long_ = torch.nonzero(ok & (d2_ab >= 1)).flatten()
    if not len(long_):
        return groups
    d2_ab = d2_ab.float()
    sizes = torch.stack([ed_y - st_y, ed_x - st_x])[:, long_].cpu().numpy()
    for part in window_size_groups(sizes[0], sizes[1]):
        ids = long_[torch.from_numpy(part).to(long_.device)]
        ky, kx = (int(x) for x in sizes[:, part].max(1))
        rows = st_y[ids, None] + torch.arange(ky, device=ids.device)
        cols = st_x[ids, None] + torch.arange(kx, device=ids.device)
        inside = ((rows < ed_y[ids, None])[:, :, None] &
                  (cols < ed_x[ids, None])[:, None, :])
        y = rows.float()[:, :, None]
        x = cols.float()[:, None, :]
        sx, sy, ex, ey = (a[ids, None, None]
                          for a in (s[:, 0], s[:, 1], e[:, 0], e[:, 1]))
        d2 = segment_d2(x, y, sx, sy, ex, ey, d2_ab[ids, None, None])
        vals = torch.exp(-d2 / 2. / sigma**2) * \
            value[ids, None, None].float()
        groups.append((ids, torch.minimum(rows, height[ids, None] - 1),
                       torch.minimum(cols, width[ids, None] - 1),
                       torch.where(inside, vals, 0.)))
    return groups


def _zeros(shape: tuple[int, ...], device: torch.device) -> Tensor:
    """Zeros; on CPU through numpy, which asks the kernel for huge pages
    (page-faulting 4 KiB pages dominates rendering otherwise)."""
    if device.type == 'cpu':
        out = np.empty(shape, np.float32)
        out.fill(0)
        return torch.from_numpy(out)
    return torch.zeros(shape, device=device)


def render_heatmap_volumes(keypoint: Tensor,
                           keypoint_score: Tensor,
                           canvas: Sequence[Sequence[int]],
                           sigma: float = 0.6,
                           with_kp: bool = True,
                           with_limb: bool = False,
                           skeletons: Sequence[Sequence[int]] = (),
                           flip_index: Sequence[int] | None = None,
                           num_clips: int = 1,
                           eps: float = EPS) -> Tensor:
    """Render a batch of PoseConv3D input volumes.

    Args:
        keypoint: ``(N, M, T, V, 2)`` ``(x, y)`` in canvas pixels, ``T =
            num_clips * clip_len``; pad missing persons with score 0.
        keypoint_score: ``(N, M, T, V)`` peak values.
        canvas: ``N`` canvas sizes ``(H_i, W_i)``; the output is
            ``max H_i × max W_i``, smaller maps zero-padded at the bottom and
            right (as ``stack_batch``).
        sigma, with_kp, with_limb, skeletons: As ``GeneratePoseTarget``.
        flip_index: Channel order of a flipped copy (``double``): a
            permutation; ``None`` renders no flipped copy.
        num_clips: Clips per sample.

    Returns:
        ``(N, crops * num_clips, C, clip_len, H, W)`` float32, ``crops = 2``
        with ``flip_index`` (flipped views after the originals).
    """
    n, m, t, v = keypoint.shape[:4]
    device = keypoint.device
    num_limbs = len(skeletons) if with_limb else 0
    num_c = v * with_kp + num_limbs
    crops = 1 if flip_index is None else 2
    clip_len = t // num_clips
    sizes = torch.as_tensor(np.asarray(canvas, np.int64).reshape(n, 2),
                            device=device)
    big_h, big_w = (int(x) for x in sizes.max(0).values) if n else (0, 0)
    out = _zeros((n, crops, num_clips, num_c, clip_len, big_h, big_w),
                 device)
    if out.numel() == 0 or m == 0:
        return out.flatten(1, 2)
    keypoint = keypoint[..., :2].float()
    frames = torch.arange(t, device=device)
    groups, meta = [], []
    if with_kp:
        grid = torch.meshgrid(torch.arange(n, device=device), frames,
                              torch.arange(v, device=device), indexing='ij')
        meta.append([g[:, None].expand(n, m, t, v).flatten() for g in grid])
        ids_n = meta[-1][0]
        groups.append(
            gaussian_splats(keypoint.reshape(-1, 2),
                            keypoint_score.reshape(-1), sizes[ids_n, 0],
                            sizes[ids_n, 1], sigma, eps))
    if num_limbs:
        a, b = torch.as_tensor(skeletons, device=device).reshape(-1, 2).T
        grid = torch.meshgrid(torch.arange(n, device=device), frames,
                              torch.arange(num_limbs, device=device) +
                              v * with_kp, indexing='ij')
        base = sum(len(x[0]) for x in meta)
        meta.append([
            g[:, None].expand(n, m, t, num_limbs).flatten() for g in grid
        ])
        ids_n = meta[-1][0]
        for ids, rows, cols, vals in limb_splats(
                keypoint[:, :, :, a].reshape(-1, 2),
                keypoint[:, :, :, b].reshape(-1, 2),
                keypoint_score[:, :, :, a].reshape(-1),
                keypoint_score[:, :, :, b].reshape(-1), sizes[ids_n, 0],
                sizes[ids_n, 1], sigma, eps):
            groups.append((ids + base, rows, cols, vals))
    sample, frame, channel = (torch.cat(x) for x in zip(*meta))
    clip, step = frame // clip_len, frame % clip_len
    flat = out.view(-1)
    plane = big_h * big_w
    views = [(0, channel, None)]
    if flip_index is not None:
        flip_index = torch.as_tensor(flip_index, device=device)
        if not torch.equal(flip_index.sort().values,
                           torch.arange(num_c, device=device)):
            raise ValueError('flip_index must be a permutation (disjoint '
                             f'left/right pairs), got {flip_index.tolist()}')
        views.append((1, torch.argsort(flip_index)[channel], sizes[:, 1]))
    for ids, rows, cols, vals in groups:
        for crop, chan, mirror in views:
            base = ((((sample[ids] * crops + crop) * num_clips + clip[ids]) *
                     num_c + chan[ids]) * clip_len + step[ids]) * plane
            x = cols if mirror is None else \
                mirror[sample[ids], None] - 1 - cols
            index = base[:, None, None] + rows[:, :, None] * big_w + \
                x[:, None, :]
            flat.scatter_reduce_(0, index.reshape(-1), vals.reshape(-1),
                                 'amax')
    return out.flatten(1, 2)
