# Copyright (c) mmaction-pose. All rights reserved.
"""``MMDecodeFrames``: mmaction2's ``MMDecode`` for frames already in memory.

The RGB+pose demos (``demo/demo_skeleton.py``, ``demo/webcam_demo.py``) hold
the video as decoded frames; mmaction2's ``MMDecode`` only reads files
through decord. This transform takes the frames from ``results['frames']``
and otherwise runs ``MMDecode`` unchanged (frame selection, the pose
decoding, the keypoint rescaling to the frame size), so a config's test
pipeline works on a frame buffer by swapping one step
(:func:`mmaction_pose.apis.inference.SkeletonRecognizer` does it).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmaction.datasets.transforms import MMDecode

from mmaction_pose.registry import TRANSFORMS


class _FrameBatch:
    def __init__(self, array: np.ndarray) -> None:
        self._array = array

    def asnumpy(self) -> np.ndarray:
        return self._array


class _FrameReader:
    """The part of ``decord.VideoReader`` that ``MMDecode`` uses."""

    def __init__(self, frames: Sequence[np.ndarray] | np.ndarray) -> None:
        self._frames = frames

    def __len__(self) -> int:
        return len(self._frames)

    def get_batch(self, inds: Sequence[int]) -> _FrameBatch:
        return _FrameBatch(np.stack([self._frames[int(i)] for i in inds]))


@TRANSFORMS.register_module()
class MMDecodeFrames(MMDecode):
    """``MMDecode`` reading RGB frames from ``results['frames']``.

    Required Keys:
        - frames: ``(T, H, W, 3)`` uint8 **RGB** (decord's order), an array
          or a list of ``T`` arrays
        - ``RGB_inds`` / ``Pose_inds``, keypoint, keypoint_score, img_shape
          as for ``MMDecode``

    Added Keys:
        - imgs (``clip_len * num_clips`` frames), as ``MMDecode``

    ``frames`` is removed from the results after decoding.
    """

    def __init__(self) -> None:
        super().__init__()

    def _get_video_reader(self, filename: str) -> _FrameReader:
        return self._reader

    def transform(self, results: dict) -> dict:
        if 'RGB' in results['modality'] and 'frames' not in results:
            raise KeyError("MMDecodeFrames needs results['frames'] (the "
                           'decoded RGB frames)')
        self._reader = _FrameReader(results.pop('frames', []))
        results.setdefault('filename', '<frames>')
        try:
            return super().transform(results)
        finally:
            self._reader = None

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}()'
