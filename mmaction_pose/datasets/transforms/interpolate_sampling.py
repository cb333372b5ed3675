# Copyright (c) mmaction-pose. All rights reserved.
"""``InterpolateSampleFrames``: clips resampled over the whole sequence by
linear interpolation (the 1D temporal CNN baseline's sampling)."""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.resample import interpolate_frames, resample_positions


@TRANSFORMS.register_module()
class InterpolateSampleFrames(BaseTransform):
    """Resample the joints of a whole video to ``clip_len`` evenly spaced,
    fractional positions (:func:`~.functional.resample.resample_positions`,
    :func:`~.functional.resample.interpolate_frames`).

    Replaces ``UniformSampleFrames`` + ``PoseDecode`` for coordinate models:
    every clip sees the whole action at a fixed temporal resolution, the
    same for a short and a long video, where ``UniformSampleFrames`` takes
    one random integer frame per segment. On N-UCLA xview3 this sampling
    gave the 1D baseline +3 to +5 points (configs/baseline1d/README.md).

    Required keys: ``keypoint`` ``(M, T, V, C)``, ``total_frames``;
    optional ``keypoint_score`` ``(M, T, V)``.
    Modified keys: ``keypoint`` ``(M, num_clips * clip_len, V, C)`` float32,
    ``keypoint_score`` (missing in either neighbour frame: the smaller
    score), ``total_frames`` (``num_clips * clip_len``).
    Added keys: ``clip_len``, ``num_clips``, ``frame_interval`` (``None``).

    Args:
        clip_len: Frames per clip.
        num_clips: Clips per sample (test: e.g. 10, at spread phases).
        test_mode: Deterministic positions.
        jitter: Training phase jitter in steps (0: deterministic); drawn
            from numpy's global RNG (seeded per worker by mmengine).
    """

    def __init__(self,
                 clip_len: int,
                 num_clips: int = 1,
                 test_mode: bool = False,
                 jitter: float = 0.) -> None:
        if not 0 <= jitter <= 1:
            raise ValueError(f'jitter must be in [0, 1], got {jitter}')
        self.clip_len = clip_len
        self.num_clips = num_clips
        self.test_mode = test_mode
        self.jitter = float(jitter)

    def transform(self, results: dict) -> dict:
        kp = results['keypoint']
        num_frames = kp.shape[1]
        if results.get('total_frames', num_frames) != num_frames:
            raise ValueError(
                f"{results.get('frame_dir', 'sample')}: total_frames "
                f"{results['total_frames']} != keypoint frames {num_frames}")
        pos = resample_positions(num_frames, self.clip_len, self.num_clips,
                                 self.test_mode, self.jitter, np.random)
        kp, score = interpolate_frames(kp, pos,
                                       results.get('keypoint_score'))
        results['keypoint'] = kp
        if score is not None:
            results['keypoint_score'] = score
        results['total_frames'] = kp.shape[1]
        results['clip_len'] = self.clip_len
        results['num_clips'] = self.num_clips
        results['frame_interval'] = None
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(clip_len={self.clip_len}, '
                f'num_clips={self.num_clips}, test_mode={self.test_mode}, '
                f'jitter={self.jitter})')
