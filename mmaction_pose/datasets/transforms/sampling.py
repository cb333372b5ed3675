# Copyright (c) mmaction-pose. All rights reserved.
"""``UniformSampleFrames``: drop-in for mmaction2's class.

Same arguments, keys and indices (parity test:
``tests/datasets/transforms/test_sampling.py``). Fixed: test mode draws
from a local ``np.random.RandomState(seed)`` instead of re-seeding numpy's
global RNG (mmaction2 calls ``np.random.seed``), and the O(T·M) Python
loop over frames and persons, whose result is a no-op, is gone.
"""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.sampling import uniform_sample_indices


@TRANSFORMS.register_module()
class UniformSampleFrames(BaseTransform):
    """Sample clips of ``clip_len`` frames, one per equal segment.

    Training draws from numpy's global RNG (seeded per worker by mmengine),
    as mmaction2 does; test mode is deterministic for a given ``seed`` and
    leaves the global RNG untouched.

    Required Keys:
        - total_frames
        - start_index (optional, default 0)
        - keypoint (optional; only its frame count is checked)

    Added Keys:
        - frame_inds ``(num_clips * clip_len,)`` int32
        - clip_len
        - frame_interval (``None``)
        - num_clips

    Args:
        clip_len: Frames per clip.
        num_clips: Clips per sample (test: e.g. 10).
        test_mode: Deterministic sampling from ``seed``.
        seed: Seed of the test-mode sampling.
    """

    def __init__(self,
                 clip_len: int,
                 num_clips: int = 1,
                 test_mode: bool = False,
                 seed: int = 255) -> None:
        self.clip_len = clip_len
        self.num_clips = num_clips
        self.test_mode = test_mode
        self.seed = seed

    def transform(self, results: dict) -> dict:
        num_frames = results['total_frames']
        if 'keypoint' in results:
            assert num_frames == results['keypoint'].shape[1]
        rng = np.random.RandomState(self.seed) if self.test_mode \
            else np.random
        inds = uniform_sample_indices(num_frames, self.clip_len,
                                      self.num_clips, self.test_mode, rng)
        inds = inds + results.get('start_index', 0)
        results['frame_inds'] = inds.astype(np.int32)
        results['clip_len'] = self.clip_len
        results['frame_interval'] = None
        results['num_clips'] = self.num_clips
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(clip_len={self.clip_len}, '
                f'num_clips={self.num_clips}, test_mode={self.test_mode}, '
                f'seed={self.seed})')
