# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseMotionFeatures``: body-normalized joints and their velocities per
sampled clip (the 1D temporal CNN baseline's input)."""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS

from .functional.pose_motion import normalize_pose_clip, pose_velocity


@TRANSFORMS.register_module()
class PoseMotionFeatures(BaseTransform):
    """Per clip: joints centred on the body centre, scaled by the body size
    (:func:`~.functional.pose_motion.normalize_pose_clip`), and their
    frame-to-frame velocities (:func:`~.functional.pose_motion.
    pose_velocity`).

    Place it after ``UniformSampleFrames`` and ``PoseDecode``; with
    ``num_clips`` > 1 (test time) every clip is normalized on its own and
    no velocity crosses two clips. Follow it with ``FormatGCNInput``.

    Required keys: ``keypoint`` ``(M, num_clips * T, V, C)``; optional
    ``keypoint_score`` ``(M, num_clips * T, V)`` (joints scoring at or below
    ``score_thr`` are missing: zero features), ``num_clips``.
    Modified keys: ``keypoint`` ``(M, num_clips * T, V, 2 * C)`` float32:
    ``C`` normalized coordinates, then ``C`` velocities. Removed keys:
    ``keypoint_score`` (so ``FormatGCNInput`` appends no score channel).

    Args:
        score_thr: Score at or below which a joint is missing.
    """

    def __init__(self, score_thr: float = 0.) -> None:
        self.score_thr = float(score_thr)

    def transform(self, results: dict) -> dict:
        kp = np.asarray(results['keypoint'])
        score = results.pop('keypoint_score', None)
        num_person, frames, num_joints, chans = kp.shape
        num_clips = int(results.get('num_clips', 1))
        if frames % num_clips:
            raise ValueError(f'{frames} frames are not {num_clips} clips')
        clip_len = frames // num_clips
        feats = np.zeros((num_person, frames, num_joints, 2 * chans),
                         np.float32)
        for i in range(num_clips):
            part = slice(i * clip_len, (i + 1) * clip_len)
            norm, valid = normalize_pose_clip(
                kp[:, part], None if score is None else score[:, part],
                self.score_thr)
            feats[:, part, :, :chans] = norm
            feats[:, part, :, chans:] = pose_velocity(norm, valid)
        results['keypoint'] = feats
        return results

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}(score_thr={self.score_thr})'
