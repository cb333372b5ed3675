# Copyright (c) mmaction-pose. All rights reserved.
"""``SelectTargetJoints``: the joints of the sampled frames that supervise a
pose branch (RPAN's attention targets, Action Machine's keypoint head) and
that the PCK metrics score."""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS


@TRANSFORMS.register_module()
class SelectTargetJoints(BaseTransform):
    """One person's joints per step, in the frames' current coordinates.

    Place it after sampling, ``PoseDecode`` and every geometric transform
    (``Resize``, ``Flip``, ``PersonBoxCrop``, ``BoxThreeCrop``), so the
    joints follow the pixels.

    Required keys: ``keypoint`` ``(M, F, J, 2)`` (``F`` sampled frames, in
    the order of ``imgs``), ``img_shape``; optional ``keypoint_score``.
    Added keys: ``pose_keypoint`` ``(F / clip_len, J, 2)`` float32 and
    ``pose_mask`` ``(F / clip_len, J)`` float32 (1 where the joint is
    labelled: score above ``score_thr``).

    Args:
        clip_len: Frames per step (5 for RPAN's stacked flow); a step uses
            its ``anchor`` frame. 1 keeps every frame.
        anchor: ``'first'`` or ``'center'`` frame of each stack.
        person: Which person's joints (the datasets here have one, or the
            first is the main actor).
        score_thr: Joints at or below this score are masked out.
    """

    def __init__(self, clip_len: int = 1, anchor: str = 'first',
                 person: int = 0, score_thr: float = 0.) -> None:
        if anchor not in ('first', 'center'):
            raise ValueError(
                f"anchor must be 'first' or 'center', got {anchor!r}")
        self.clip_len, self.anchor = int(clip_len), anchor
        self.person, self.score_thr = int(person), float(score_thr)

    def select(self, results: dict) -> tuple[np.ndarray, np.ndarray]:
        """``(S, J, 2)`` float64 joints and ``(S, J)`` bool labels."""
        kps = np.asarray(results['keypoint'])
        if kps.ndim != 4 or kps.shape[-1] < 2:
            raise ValueError(f'keypoint must be (M, T, J, 2), got {kps.shape}')
        score = results.get('keypoint_score')
        score = np.ones(kps.shape[:-1], np.float32) if score is None \
            else np.asarray(score)
        if self.person >= len(kps):  # no person: every joint masked
            kps = np.zeros((1, ) + kps.shape[1:], np.float32)
            score = np.zeros(kps.shape[:-1], np.float32)
            person = 0
        else:
            person = self.person
        n = kps.shape[1]
        if n % self.clip_len:
            raise ValueError(f'{n} sampled frames are not a multiple of '
                             f'clip_len={self.clip_len}')
        offset = 0 if self.anchor == 'first' else self.clip_len // 2
        inds = np.arange(offset, n, self.clip_len)
        joints = kps[person, inds, :, :2].astype(np.float64)
        return joints, score[person, inds] > self.score_thr

    def transform(self, results: dict) -> dict:
        joints, visible = self.select(results)
        results['pose_keypoint'] = joints.astype(np.float32)
        results['pose_mask'] = visible.astype(np.float32)
        return results

    def _args(self) -> str:
        return (f'clip_len={self.clip_len}, anchor={self.anchor!r}, '
                f'person={self.person}, score_thr={self.score_thr}')

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}({self._args()})'
