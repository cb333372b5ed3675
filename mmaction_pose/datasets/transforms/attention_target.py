# Copyright (c) mmaction-pose. All rights reserved.
"""``GenerateRPANPoseTarget``: RPAN's attention targets from keypoints
(Du et al., ICCV 2017, Sec. 4.1; :mod:`.functional.attention_targets`)."""
from __future__ import annotations

import numpy as np

from mmaction_pose.registry import TRANSFORMS
from .functional.attention_targets import attention_targets
from .target_joints import SelectTargetJoints


@TRANSFORMS.register_module()
class GenerateRPANPoseTarget(SelectTargetJoints):
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
        clip_len, anchor, person, score_thr: As ``SelectTargetJoints``.
    """

    def __init__(self, sigma: float = 5., stride: int = 32,
                 grid: tuple[int, int] | None = None, clip_len: int = 1,
                 anchor: str = 'first', person: int = 0,
                 score_thr: float = 0.) -> None:
        super().__init__(clip_len, anchor, person, score_thr)
        self.sigma, self.stride, self.grid = float(sigma), int(stride), grid

    def transform(self, results: dict) -> dict:
        joints, visible = self.select(results)
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
                f'stride={self.stride}, grid={self.grid}, {self._args()})')
