# Copyright (c) mmaction-pose. All rights reserved.
"""Uniform temporal sampling of PoseC3D clips (``UniformSampleFrames``).

The draws follow mmaction2's ``UniformSampleFrames`` call for call
(``randint(0, n)``, ``choice(k + 1, n - k, replace=False)``,
``randint(bsize)``), so the legacy numpy RNG passed as ``rng`` yields
mmaction2's indices: the module ``np.random`` (global state, training) or
``np.random.RandomState(seed)`` (test mode, without touching the global
state that mmaction2 re-seeds).

Pure numpy functions: no registry, no ``results`` dicts.
"""
from __future__ import annotations

from typing import Any, Protocol

import numpy as np


class LegacyRNG(Protocol):
    """``np.random`` or a ``np.random.RandomState``."""

    def randint(self, low: Any, high: Any = ..., size: Any = ...) -> Any:
        ...

    def choice(self, a: Any, size: Any = ..., replace: bool = ...) -> Any:
        ...


def _clip_indices(num_frames: int, clip_len: int, clip_idx: int,
                  num_clips: int, test_mode: bool,
                  rng: LegacyRNG) -> np.ndarray:
    """Indices of one clip (before wrapping), drawing like mmaction2."""
    if num_frames < clip_len:
        if test_mode:
            start = clip_idx if num_frames < num_clips \
                else clip_idx * num_frames // num_clips
        else:
            start = rng.randint(0, num_frames)
        return np.arange(start, start + clip_len)
    if num_frames < 2 * clip_len:
        gaps = rng.choice(clip_len + 1, num_frames - clip_len, replace=False)
        offset = np.zeros(clip_len + 1, np.int64)
        offset[gaps] = 1
        return np.arange(clip_len) + np.cumsum(offset)[:-1]
    bounds = np.arange(clip_len + 1) * num_frames // clip_len
    return bounds[:-1] + rng.randint(np.diff(bounds))


def uniform_sample_indices(num_frames: int,
                           clip_len: int,
                           num_clips: int = 1,
                           test_mode: bool = False,
                           rng: LegacyRNG = np.random) -> np.ndarray:
    """Sample ``num_clips`` clips of ``clip_len`` frames uniformly.

    Each clip splits the video into ``clip_len`` equal segments and takes
    one random frame per segment; videos shorter than ``2·clip_len`` insert
    random one-frame gaps, videos shorter than ``clip_len`` loop. In test
    mode the short-video start is deterministic (``i·n // num_clips``).

    Args:
        num_frames: Frames in the video (``total_frames``).
        clip_len: Frames per clip.
        num_clips: Clips to sample.
        test_mode: Use the test-mode start for short videos (the randomness
            of the other cases comes from ``rng`` in both modes).
        rng: ``np.random`` or a ``np.random.RandomState``.

    Returns:
        ``(num_clips * clip_len,)`` int64 indices in ``[0, num_frames)``.
    """
    clips = [
        _clip_indices(num_frames, clip_len, i, num_clips, test_mode, rng)
        for i in range(num_clips)
    ]
    return np.mod(np.concatenate(clips), num_frames)
