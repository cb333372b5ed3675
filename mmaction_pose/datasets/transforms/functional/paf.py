# Copyright (c) mmaction-pose. All rights reserved.
"""Part affinity fields (PAF) rendered from 2-D keypoints, and their flip.

The PAF of a limb ``(a, b)`` is the 2-D unit vector ``v = (p_b - p_a) /
|p_b - p_a|`` at every pixel ``p`` of the limb's support region
``0 ≤ v·(p - p_a) ≤ |p_b - p_a|`` and ``|v⊥·(p - p_a)| ≤ width``, and zero
elsewhere; where several people's limbs overlap the vectors are averaged
(Cao et al., *Realtime Multi-Person 2D Pose Estimation using Part Affinity
Fields*, CVPR 2017, §2.2, Eqs. 8-9). PA3D (CVPR 2019) uses OpenPose's
predicted PAFs as its "P" modality; these ground-truth-style fields from
keypoints are our substitute (see ``configs/pa3d/README.md``).

Pure numpy functions: no registry, no ``results`` dicts, inputs not mutated.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def render_paf(keypoint: np.ndarray,
               keypoint_score: np.ndarray | None,
               limbs: Sequence[Sequence[int]],
               img_shape: tuple[int, int],
               limb_width: float = 1.0,
               use_score: bool = False,
               eps: float = 1e-3) -> np.ndarray:
    """Render the part affinity fields of every frame.

    Args:
        keypoint: ``(M, T, V, 2)`` pixel coordinates ``(x, y)``.
        keypoint_score: ``(M, T, V)`` joint confidences; ``None`` means all
            joints are present with confidence 1.
        limbs: ``L`` joint index pairs ``(a, b)``; the field points from
            ``a`` to ``b``.
        img_shape: ``(H, W)`` of the output maps (pixel grid ``0..W-1``).
        limb_width: Half-width ``σ_l`` of the support region, in pixels.
        use_score: Scale each vector by ``min(score_a, score_b)`` and skip
            limbs with a joint score below ``eps`` (like
            ``GeneratePoseTarget(use_score=True)``); otherwise every limb is
            drawn with unit vectors and the scores are ignored.
        eps: Score threshold of ``use_score``.

    Returns:
        ``(T, 2L, H, W)`` float32; channels ``2l`` and ``2l + 1`` are the x and
        y components of limb ``l`` (OpenPose's interleaved order), in
        ``[-1, 1]``.
    """
    kp = np.asarray(keypoint, dtype=np.float32)[..., :2]
    m, t, v, _ = kp.shape
    score = (np.ones((m, t, v), np.float32)
             if keypoint_score is None or not use_score else
             np.asarray(keypoint_score, dtype=np.float32))
    limb_idx = np.asarray(limbs, dtype=np.int64).reshape(-1, 2)
    h, w = img_shape
    xs = np.arange(w, dtype=np.float32)
    ys = np.arange(h, dtype=np.float32)

    start = kp[:, :, limb_idx[:, 0]]  # (M, T, L, 2)
    vec = kp[:, :, limb_idx[:, 1]] - start
    length = np.linalg.norm(vec, axis=-1)  # (M, T, L)
    value = np.minimum(score[:, :, limb_idx[:, 0]], score[:, :, limb_idx[:, 1]])
    # A zero-length limb has no direction; it is not drawn.
    valid = (value >= eps) & (length > 1e-6)
    unit = vec / np.maximum(length, 1e-6)[..., None]
    strength = np.where(valid, value, 0.0)

    out = np.zeros((t, len(limb_idx), 2, h, w), np.float32)
    for i in range(t):  # one frame at a time bounds memory to M·L·H·W
        ux = unit[:, i, :, 0, None, None]  # (M, L, 1, 1)
        uy = unit[:, i, :, 1, None, None]
        dx = xs[None, None, None, :] - start[:, i, :, 0, None, None]
        dy = ys[None, None, :, None] - start[:, i, :, 1, None, None]
        along = ux * dx + uy * dy  # (M, L, H, W)
        across = np.abs(ux * dy - uy * dx)
        inside = ((along >= 0) & (along <= length[:, i, :, None, None]) &
                  (across <= limb_width) & valid[:, i, :, None, None])
        weight = inside * strength[:, i, :, None, None]
        count = inside.sum(axis=0)  # (L, H, W): people overlapping a pixel
        denom = np.maximum(count, 1).astype(np.float32)
        out[i, :, 0] = (weight * ux).sum(axis=0) / denom
        out[i, :, 1] = (weight * uy).sum(axis=0) / denom
    return out.reshape(t, 2 * len(limb_idx), h, w)


def paf_flip_params(limbs: Sequence[Sequence[int]],
                    flip_index: Sequence[int]
                    ) -> tuple[np.ndarray, np.ndarray]:
    """Limb permutation and direction signs of a horizontal flip.

    After a flip, limb ``l'`` of the mirrored skeleton is the mirror of the
    original limb ``src[l']`` joining joints ``flip[a'], flip[b']``. When the
    limb list stores that limb the other way round (self-symmetric limbs such
    as ``(left_hip, right_hip)``), the field direction reverses: ``sign = -1``.

    Args:
        limbs: ``L`` joint index pairs.
        flip_index: Joint flip map (``SkeletonLayout.flip_index``).

    Returns:
        ``src`` ``(L,)`` int64 and ``sign`` ``(L,)`` float32 in ``{-1, 1}``.
    """
    pairs = [tuple(int(j) for j in limb) for limb in limbs]
    index = {frozenset(p): i for i, p in enumerate(pairs)}
    src = np.empty(len(pairs), np.int64)
    sign = np.empty(len(pairs), np.float32)
    for new, (a, b) in enumerate(pairs):
        fa, fb = flip_index[a], flip_index[b]
        try:
            old = index[frozenset((fa, fb))]
        except KeyError:
            raise ValueError(f'limb {(a, b)} has no mirrored limb '
                             f'{(fa, fb)} in the limb list') from None
        src[new] = old
        sign[new] = 1.0 if pairs[old] == (fa, fb) else -1.0
    return src, sign


def flip_paf(paf: np.ndarray, limbs: Sequence[Sequence[int]],
             flip_index: Sequence[int]) -> np.ndarray:
    """Horizontally flip part affinity fields.

    Mirrors the maps (``x -> W-1-x``), permutes the limbs, negates the x
    component and reverses the field of limbs whose stored direction flips.
    ``flip_paf(render_paf(kp)) == render_paf(mirror(kp))`` where ``mirror``
    maps ``x -> W-1-x`` and swaps left/right joints.

    Args:
        paf: ``(..., 2L, H, W)`` fields as returned by :func:`render_paf`.
        limbs: The limb list the fields were rendered with.
        flip_index: Joint flip map.

    Returns:
        Flipped fields, same shape and dtype.
    """
    src, sign = paf_flip_params(limbs, flip_index)
    fields = paf.reshape(paf.shape[:-3] + (len(src), 2) + paf.shape[-2:])
    mirrored = fields[..., src, :, :, ::-1]
    factor = np.stack([-sign, sign], axis=-1)[..., None, None]  # (L, 2, 1, 1)
    return (mirrored * factor).astype(paf.dtype).reshape(paf.shape)
