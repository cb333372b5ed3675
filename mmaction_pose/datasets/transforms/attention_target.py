# Copyright (c) mmaction-pose. All rights reserved.
"""``GenerateRPANPoseTarget``: RPAN's attention targets from keypoints
(Du et al., ICCV 2017, Sec. 4.1; :mod:`.functional.attention_targets`)."""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.attention_targets import attention_targets


@TRANSFORMS.register_module()
class GenerateRPANPoseTarget(BaseTransform):
    """Gaussian joint maps on the attention grid, one per step and joint.

    Place it after sampling, ``PoseDecode`` (keypoints of the sampled
    frames), ``Resize`` and ``Flip`` (which moves and swaps the joints), so
    the maps follow every geometric change of the frames.

    Required keys: ``keypoint`` ``(M, T*clip_len, J, 2)``, ``img_shape``;
    optional ``keypoint_score`` (a joint with score <= ``score_thr`` has no
    target). Added keys: ``pose_target`` ``(T, J, K1, K2)``, ``pose_mask``
    ``(T, J)`` and ``pose_keypoint`` ``(T, J, 2)`` (the joints the targets
    are centred on, for the attention-PCK metric).

    Args:
        sigma: Gaussian std in input-image pixels (paper: 5 at 240x320 /
            270x480).
        stride: Backbone output stride: the grid is ``ceil(H / stride) x
            ceil(W / stride)`` (e.g. 240x320 / 32 -> 8x10). Ignored when
            ``grid`` is given.
        grid: Explicit ``(K1, K2)``.
        clip_len: Frames per step (5 for stacked flow); the target of a
            step uses its ``anchor`` frame.
        anchor: ``'first'`` or ``'center'`` frame of each stack.
        person: Which person's joints (RPAN's datasets have one).
        score_thr: Joints at or below this score are masked out.
    """

    def __init__(self, sigma: float = 5., stride: int = 32,
                 grid: tuple[int, int] | None = None, clip_len: int = 1,
                 anchor: str = 'first', person: int = 0,
                 score_thr: float = 0.) -> None:
        if anchor not in ('first', 'center'):
            raise ValueError(
                f"anchor must be 'first' or 'center', got {anchor!r}")
        self.sigma, self.stride, self.grid = float(sigma), int(stride), grid
        self.clip_len, self.anchor = int(clip_len), anchor
        self.person, self.score_thr = int(person), float(score_thr)

    def transform(self, results: dict) -> dict:
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
        visible = score[person, inds] > self.score_thr
        img_h, img_w = results['img_shape']
        grid = tuple(self.grid) if self.grid is not None else (
            -(-img_h // self.stride), -(-img_w // self.stride))
        target, mask = attention_targets(joints, visible, (img_h, img_w),
                                         grid, self.sigma)
        results['pose_target'] = target
        results['pose_mask'] = mask
        results['pose_keypoint'] = joints.astype(np.float32)
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(sigma={self.sigma}, '
                f'stride={self.stride}, grid={self.grid}, '
                f'clip_len={self.clip_len}, anchor={self.anchor!r}, '
                f'person={self.person}, score_thr={self.score_thr})')
