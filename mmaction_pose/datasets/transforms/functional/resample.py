# Copyright (c) mmaction-pose. All rights reserved.
"""Whole-sequence linear-interpolation resampling of joint sequences
(``InterpolateSampleFrames``): every clip spans the whole video at
fractional, evenly spaced positions, instead of one integer frame per
segment (``uniform_sample_indices``).

Pure numpy functions: no registry, no ``results`` dicts.
"""
from __future__ import annotations

import numpy as np


def resample_positions(num_frames: int,
                       clip_len: int,
                       num_clips: int = 1,
                       test_mode: bool = False,
                       jitter: float = 0.,
                       rng: np.random.RandomState | None = None
                       ) -> np.ndarray:
    """Fractional frame positions of ``num_clips`` clips of ``clip_len``.

    Clip ``k`` takes ``p_i = i * d + o_k``, ``i = 0 .. clip_len - 1``, with
    the step ``d = (num_frames - 1) / (clip_len - 1)`` (so ``p`` runs from
    the first to the last frame), clipped to ``[0, num_frames - 1]``:

    * test mode: ``o_k = d * ((k + 0.5) / num_clips - 0.5)``, evenly spread
      phases (``o_0 = 0`` for one clip);
    * training: ``o_k = d * jitter * u``, ``u ~ U(-0.5, 0.5)`` from ``rng``
      (``jitter=0``: the deterministic test-mode positions of one clip).

    Args:
        num_frames: Frames in the video (>= 1).
        clip_len: Positions per clip (>= 1).
        num_clips: Clips.
        test_mode: Spread the clips' phases instead of drawing them.
        jitter: Training phase jitter, in steps (0 to 1).
        rng: ``RandomState`` of the training draws (default: ``np.random``).

    Returns:
        ``(num_clips * clip_len,)`` float64 positions.
    """
    if num_frames < 1 or clip_len < 1:
        raise ValueError(f'need num_frames >= 1 and clip_len >= 1, got '
                         f'{num_frames} and {clip_len}')
    step = (num_frames - 1) / (clip_len - 1) if clip_len > 1 else 0.
    base = np.arange(clip_len) * step
    if test_mode:
        phases = ((np.arange(num_clips) + 0.5) / num_clips - 0.5) * step
    else:
        draw = (rng or np.random).uniform(-0.5, 0.5, num_clips)
        phases = draw * jitter * step
    pos = base[None] + phases[:, None]
    return np.clip(pos, 0, num_frames - 1).reshape(-1)


def interpolate_frames(keypoint: np.ndarray,
                       positions: np.ndarray,
                       score: np.ndarray | None = None
                       ) -> tuple[np.ndarray, np.ndarray | None]:
    """Joints at fractional frame positions by linear interpolation.

    At ``p = t + w`` (``t = floor(p)``, ``0 <= w < 1``) the joint is
    ``(1 - w) x_t + w x_{t+1}``; its score is ``s_t`` where ``w = 0`` and
    ``min(s_t, s_{t+1})`` otherwise, so a joint missing in either frame
    stays missing (and its mixed coordinate is ignored downstream).

    Args:
        keypoint: ``(M, T, V, C)`` joints.
        positions: ``(L,)`` positions in ``[0, T - 1]``.
        score: ``(M, T, V)`` confidences or ``None``.

    Returns:
        ``(M, L, V, C)`` float32 joints and ``(M, L, V)`` float32 scores
        (``None`` without ``score``).
    """
    kp = np.asarray(keypoint, np.float64)
    num_frames = kp.shape[1]
    pos = np.asarray(positions, np.float64)
    lo = np.clip(np.floor(pos).astype(np.int64), 0, num_frames - 1)
    hi = np.minimum(lo + 1, num_frames - 1)
    w = pos - lo
    out = (kp[:, lo] * (1 - w)[None, :, None, None]
           + kp[:, hi] * w[None, :, None, None]).astype(np.float32)
    if score is None:
        return out, None
    s = np.asarray(score, np.float32)
    mixed = np.minimum(s[:, lo], s[:, hi])
    return out, np.where((w > 0)[None, :, None], mixed, s[:, lo])
