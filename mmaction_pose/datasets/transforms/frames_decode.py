# Copyright (c) mmaction-pose. All rights reserved.
"""mmaction2's decoding steps for frames already in memory.

The demos (``demo/demo_skeleton.py``, ``demo/webcam_demo.py``) hold the
video as decoded frames; mmaction2's ``MMDecode`` and ``DecordDecode`` only
read files through decord (``RawFrameDecode``: image files). The two
transforms here take the frames from ``results['frames']`` and otherwise
run mmaction2's step unchanged, so a config's test pipeline works on a
frame buffer by swapping one step
(:class:`mmaction_pose.apis.inference.SkeletonRecognizer` does it):

- ``MMDecodeFrames`` for ``MMDecode`` (RGB + pose models: frame selection,
  the pose decoding, the keypoint rescaling to the frame size);
- ``DecordDecodeFrames`` for ``DecordDecode`` / ``RawFrameDecode`` (TSN-style
  frame pipelines, e.g. RPAN's: the frames at ``frame_inds``).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmaction.datasets.transforms import DecordDecode, MMDecode

from mmaction_pose.registry import TRANSFORMS


class _FrameBatch:
    def __init__(self, array: np.ndarray) -> None:
        self._array = array

    def asnumpy(self) -> np.ndarray:
        return self._array


class _FrameReader:
    """The part of ``decord.VideoReader`` that ``MMDecode`` and
    ``DecordDecode`` (``mode='accurate'``) use."""

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


@TRANSFORMS.register_module()
class DecordDecodeFrames(DecordDecode):
    """``DecordDecode`` reading RGB frames from ``results['frames']``.

    It replaces ``DecordInit`` + ``DecordDecode`` (or ``RawFrameDecode`` of
    RGB frames) after a ``SampleFrames``: the frames at ``frame_inds``,
    through ``DecordDecode``'s own code (``mode='accurate'``: the exact
    frames; decord's ``'efficient'`` key-frame seeking has no meaning in
    memory).

    Required Keys:
        - frames: ``(N, H, W, 3)`` uint8 **RGB** (decord's order), an array
          or a list of ``N`` arrays: the whole video
        - frame_inds: indices into ``frames`` (``start_index`` 0)

    Modified Keys:
        - frame_inds (squeezed to 1-D, as ``DecordDecode``)

    Added Keys:
        - imgs: the ``len(frame_inds)`` frames, a list
        - original_shape, img_shape: ``(H, W)`` of the frames

    ``frames`` is removed from the results after decoding.
    """

    def __init__(self) -> None:
        super().__init__(mode='accurate')

    def transform(self, results: dict) -> dict:
        if 'frames' not in results:
            raise KeyError("DecordDecodeFrames needs results['frames'] (the "
                           'decoded RGB frames)')
        results['video_reader'] = _FrameReader(results.pop('frames'))
        return super().transform(results)

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}()'
