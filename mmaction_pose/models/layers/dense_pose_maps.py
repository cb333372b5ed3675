# Copyright (c) mmaction-pose. All rights reserved.
"""Pose maps from keypoints as dense, traceable torch ops (ONNX export).

The renderers of the dataloader (``GeneratePoseTarget``,
``GeneratePartAffinityFields``) and of the device preprocessor
(:mod:`.heatmap_renderer`) visit only each point's window, with
data-dependent shapes and ``scatter_reduce``. Here every map is evaluated
on the whole fixed ``H × W`` grid with the window as a mask, so the graph
has static ops and a dynamic batch / frame count: what
``tools/deployment/export_onnx.py --input keypoint`` puts inside the ONNX
model. Values equal the sparse renderers' (same float32 arithmetic, window
bounds in float64 as there) for:

- joint heatmaps: PoseConv3D (Duan et al., CVPR 2022) Eq. 1, Gaussians of
  std ``sigma`` scaled by the joint score, max over persons;
- limb heatmaps: PoseConv3D Eq. 2, distance to the segment;
- part affinity fields: OpenPose (Cao et al., CVPR 2017) Eqs. 8-9, unit
  vectors in the limb's support region, averaged over persons (PA3D's P).

Every function takes ``keypoint (N, M, T, V, 2)`` and ``score (N, M, T,
V)`` and returns ``(N, C, T, H, W)`` float32.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor

from mmaction_pose.datasets.transforms.functional.heatmaps import EPS


def _trunc(x: Tensor) -> Tensor:
    """``torch.trunc`` from ops every ONNX opset has."""
    return torch.sign(x) * torch.floor(torch.abs(x))


def _window(lo: Tensor, hi: Tensor, radius: float, grid: Tensor) -> Tensor:
    """Mask of ``int(lo - r) <= grid <= int(hi + r)`` (broadcast).

    The sparse renderers' ``[max(int(lo - r), 0), min(int(hi + r) + 1,
    size))`` on the pixel grid, bounds computed in float64 as there.
    """
    return ((grid.double() >= _trunc(lo.double() - radius)) &
            (grid.double() <= _trunc(hi.double() + radius)))


def _grid(height: int, width: int, device: torch.device
          ) -> tuple[Tensor, Tensor]:
    """``(H, 1, 1)`` rows and ``(1, W, 1)`` columns, float32: broadcast
    against ``(..., 1, 1, M)`` per-person values."""
    y = torch.arange(height, dtype=torch.float32, device=device)
    x = torch.arange(width, dtype=torch.float32, device=device)
    return y[:, None, None], x[None, :, None]


def _persons_last(x: Tensor) -> Tensor:
    """``(N, M, T, J, ...)`` -> ``(N, J, T, 1, 1, M, ...)``.

    Maps are computed as ``(N, J, T, H, W, M)``: the reduction over the
    persons runs along the last, contiguous axis and the result is already
    in the model's ``(N, C, T, H, W)`` order (onnxruntime reduces a middle
    axis several times slower).
    """
    x = x.transpose(1, 3)
    return x.reshape(x.shape[:3] + (1, 1) + x.shape[3:])


def _gaussians(center: Tensor, value: Tensor, height: int, width: int,
               sigma: float, eps: float) -> Tensor:
    """Gaussians at ``center (N, M, T, J, 2)`` times ``value (N, M, T, J)``.

    Separable: ``exp(-dy²/2σ²) · exp(-dx²/2σ²)`` as an outer product of a
    column and a row (``H + W`` exponentials per point instead of
    ``H · W``); it differs from ``exp(-(dx² + dy²)/2σ²)`` by float32
    rounding (< 3e-7).

    Returns:
        ``(N, J, T, H, W, M)``.
    """
    ok = (value >= eps) & torch.isfinite(center).all(-1)
    center = torch.where(ok[..., None], center, torch.zeros_like(center))
    cx, cy = (_persons_last(center[..., i]) for i in (0, 1))
    ok, value = _persons_last(ok), _persons_last(value)
    y, x = _grid(height, width, center.device)
    zero = torch.zeros((), dtype=torch.float32, device=center.device)
    dx, dy = x - cx, y - cy  # d * d: onnxruntime's Pow is not vectorised
    gx = torch.where(_window(cx, cx, 3 * sigma, x),
                     torch.exp(-(dx * dx) / 2 / sigma**2), zero)
    gy = torch.where(_window(cy, cy, 3 * sigma, y) & ok,
                     torch.exp(-(dy * dy) / 2 / sigma**2) * value, zero)
    return gy * gx


def keypoint_heatmaps(keypoint: Tensor, score: Tensor, height: int,
                      width: int, sigma: float = 0.6,
                      eps: float = EPS) -> Tensor:
    """Joint heatmaps (``GeneratePoseTarget(with_kp=True)``).

    Returns:
        ``(N, V, T, H, W)``: per joint the max over the ``M`` persons.
    """
    maps = _gaussians(keypoint.float(), score.float(), height, width, sigma,
                      eps)
    return maps.amax(-1).clamp(min=0)


def segment_d2(x: Tensor, y: Tensor, sx: Tensor, sy: Tensor, ex: Tensor,
               ey: Tensor, ab: Tensor) -> Tensor:
    """Squared distance of pixels ``(x, y)`` to segments ``s -> e`` with
    ``ab = |se|²`` (mmaction2's ``generate_a_limb_heatmap``; broadcast)."""
    d2_start = (x - sx)**2 + (y - sy)**2
    d2_end = (x - ex)**2 + (y - ey)**2
    coeff = (d2_start - d2_end + ab) / 2. / ab
    d2_line = ((x - (sx + coeff * (ex - sx)))**2 +
               (y - (sy + coeff * (ey - sy)))**2)
    return torch.where(coeff <= 0, d2_start,
                       torch.where(coeff >= 1, d2_end, d2_line))


def limb_heatmaps(keypoint: Tensor, score: Tensor,
                  skeletons: Sequence[Sequence[int]], height: int,
                  width: int, sigma: float = 0.6, eps: float = EPS) -> Tensor:
    """Limb heatmaps (``GeneratePoseTarget(with_limb=True)``).

    A limb's value at a pixel is ``exp(-d² / 2σ²) · min(s_a, s_b)``, ``d``
    the distance to segment ``ab`` within its bounding window widened by
    ``3σ``; limbs shorter than one pixel are a Gaussian at ``a`` scaled by
    ``s_a`` (mmaction2's ``generate_a_limb_heatmap``).

    Returns:
        ``(N, L, T, H, W)``.
    """
    pairs = torch.as_tensor([list(p) for p in skeletons], dtype=torch.long,
                            device=keypoint.device).reshape(-1, 2)
    kp = keypoint.float()
    start, end = kp[:, :, :, pairs[:, 0]], kp[:, :, :, pairs[:, 1]]
    s_val = score.float()[:, :, :, pairs[:, 0]]
    e_val = score.float()[:, :, :, pairs[:, 1]]
    value = torch.minimum(s_val, e_val)
    ok = ((value >= eps) & torch.isfinite(start).all(-1) &
          torch.isfinite(end).all(-1))
    start = torch.where(ok[..., None], start, torch.zeros_like(start))
    end = torch.where(ok[..., None], end, torch.zeros_like(end))
    point = _gaussians(start, torch.where(ok, s_val, torch.zeros_like(s_val)),
                       height, width, sigma, eps)

    sx, sy, ex, ey = (_persons_last(a[..., i]) for a in (start, end)
                      for i in (0, 1))
    ok, value = _persons_last(ok), _persons_last(value)
    d2_ab = (sx - ex).double()**2 + (sy - ey).double()**2
    y, x = _grid(height, width, keypoint.device)
    inside = (_window(torch.minimum(sy, ey), torch.maximum(sy, ey),
                      3 * sigma, y) &
              _window(torch.minimum(sx, ex), torch.maximum(sx, ex),
                      3 * sigma, x) & ok)
    d2 = segment_d2(x, y, sx, sy, ex, ey, d2_ab.float())
    vals = torch.exp(-d2 / 2. / sigma**2) * value
    segment = torch.where(inside, vals, torch.zeros_like(vals))
    maps = torch.where(d2_ab < 1, point, segment)
    return maps.amax(-1).clamp(min=0)


def part_affinity_fields(keypoint: Tensor, score: Tensor | None,
                         limbs: Sequence[Sequence[int]], height: int,
                         width: int, limb_width: float = 1.0,
                         use_score: bool = False,
                         eps: float = 1e-3) -> Tensor:
    """Part affinity fields (``render_paf`` of ``functional/paf.py``).

    Returns:
        ``(N, 2L, T, H, W)``: channels ``2l, 2l + 1`` are the x and y
        components of limb ``l``, averaged over the persons covering a pixel.
    """
    pairs = torch.as_tensor([list(p) for p in limbs], dtype=torch.long,
                            device=keypoint.device).reshape(-1, 2)
    kp = keypoint.float()
    start = kp[:, :, :, pairs[:, 0]]  # (N, M, T, L, 2)
    vec = kp[:, :, :, pairs[:, 1]] - start
    length = torch.sqrt(vec[..., 0] * vec[..., 0] + vec[..., 1] * vec[..., 1])
    if use_score and score is not None:
        score = score.float()
        value = torch.minimum(score[:, :, :, pairs[:, 0]],
                              score[:, :, :, pairs[:, 1]])
    else:
        value = torch.ones_like(length)
    valid = (value >= eps) & (length > 1e-6)
    unit = vec / length.clamp(min=1e-6)[..., None]
    strength = torch.where(valid, value, torch.zeros_like(value))
    ux, uy, sx, sy = (_persons_last(a[..., i]) for a in (unit, start)
                      for i in (0, 1))
    length, valid, strength = (_persons_last(a)
                               for a in (length, valid, strength))
    y, x = _grid(height, width, keypoint.device)
    dx, dy = x - sx, y - sy
    along = ux * dx + uy * dy  # (N, L, T, H, W, M)
    across = torch.abs(ux * dy - uy * dx)
    inside = ((along >= 0) & (along <= length) & (across <= limb_width) &
              valid)
    weight = inside.float() * strength
    denom = inside.float().sum(-1).clamp(min=1)  # (N, L, T, H, W)
    fields = torch.stack([(weight * ux).sum(-1) / denom,
                          (weight * uy).sum(-1) / denom], 2)
    return fields.flatten(1, 2)  # (N, 2L, T, H, W), x/y interleaved


def flip_maps(maps: Tensor, flip_index: Sequence[int]) -> Tensor:
    """Mirror ``(..., C, T, H, W)`` maps (``x -> W-1-x``), permute channels.

    Output channel ``k`` is the mirrored input channel ``flip_index[k]``
    (``GeneratePoseTarget(double=True)``'s flipped copy).
    """
    index = torch.as_tensor(list(flip_index), dtype=torch.long,
                            device=maps.device)
    return maps.flip(-1).index_select(-4, index)


def flip_fields(fields: Tensor, src: Sequence[int],
                sign: Sequence[float]) -> Tensor:
    """Mirror ``(..., 2L, T, H, W)`` part affinity fields (``flip_paf``).

    Args:
        src, sign: :func:`~mmaction_pose.datasets.transforms.functional.paf.
            paf_flip_params` of the limb list and the joint flip map.
    """
    shape = fields.shape
    per_limb = fields.reshape(shape[:-4] + (len(src), 2) + shape[-3:])
    index = torch.as_tensor(list(src), dtype=torch.long,
                            device=fields.device)
    mirrored = per_limb.flip(-1).index_select(-5, index)
    factor = torch.as_tensor([[-s, s] for s in sign], dtype=torch.float32,
                             device=fields.device)[..., None, None, None]
    return (mirrored * factor).reshape(shape)
