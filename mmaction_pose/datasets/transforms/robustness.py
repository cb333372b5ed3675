# Copyright (c) mmaction-pose. All rights reserved.
"""Keypoint corruption for the robustness study of PoseConv3D (Table 7).

"Revisiting Skeleton-based Action Recognition" (Duan et al., CVPR 2022,
https://arxiv.org/abs/2104.13586), Sec. 4.4: "randomly dropping one limb
keypoint in each frame with probability p", p in {0, 1/8, 1/4, 1/2, 1}; the
limb keypoints are the elbows, wrists, knees and ankles.
"""
from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures.skeleton_layouts import COCO17

#: COCO-17 limb keypoints of the paper's protocol: 7, 8, 9, 10, 13, 14, 15, 16.
COCO17_LIMB_KEYPOINTS: tuple[int, ...] = tuple(
    COCO17.index(f'{side}_{part}')
    for part in ('elbow', 'wrist', 'knee', 'ankle')
    for side in ('left', 'right'))


def drop_limb_keypoints(keypoint: np.ndarray,
                        keypoint_score: np.ndarray | None,
                        p: float,
                        candidates: Sequence[int],
                        rng: np.random.Generator,
                        zero_coords: bool = True,
                        zero_score: bool = True
                        ) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """Drop one random candidate joint per person and frame with prob. p.

    Pure function: the inputs are not modified.

    Args:
        keypoint: ``(M, T, V, C)`` coordinates.
        keypoint_score: ``(M, T, V)`` scores, or ``None``.
        p: Probability that a (person, frame) loses one joint.
        candidates: Joint indices one of which is dropped.
        rng: Random generator.
        zero_coords: Set the dropped joint's coordinates to 0 (MMAction2's
            "missing" convention: ``PoseCompact`` and ``Flip`` skip zeros).
        zero_score: Set the dropped joint's score to 0, so
            ``GeneratePoseTarget`` renders nothing for it.

    Returns:
        ``(keypoint, keypoint_score, dropped)`` where ``dropped`` is a
        boolean ``(M, T, V)`` mask of the dropped joints.
    """
    m, t, v = keypoint.shape[:3]
    hit = rng.random((m, t)) < p
    which = np.asarray(candidates)[rng.integers(len(candidates),
                                                size=(m, t))]
    dropped = np.zeros((m, t, v), dtype=bool)
    pm, pt = np.nonzero(hit)
    dropped[pm, pt, which[pm, pt]] = True
    keypoint = keypoint.copy()
    if zero_coords:
        keypoint[dropped] = 0
    if keypoint_score is not None:
        keypoint_score = keypoint_score.copy()
        if zero_score:
            keypoint_score[dropped] = 0
    return keypoint, keypoint_score, dropped


@TRANSFORMS.register_module()
class RandomDropLimbKeypoint(BaseTransform):
    """Randomly drop one limb keypoint per frame (PoseConv3D, Table 7).

    For every person and frame, with probability ``p`` one joint drawn
    uniformly from ``candidates`` is removed. The paper does not say how a
    joint is removed; by default both its coordinates and its score are set
    to zero (a zero score alone would still move ``PoseCompact``'s box; zero
    coordinates alone would draw a blob at the origin).

    Place it after ``PoseDecode`` (it then corrupts the sampled frames) and
    before ``PoseCompact``.

    Required Keys:
        - keypoint ``(M, T, V, C)``
        - keypoint_score ``(M, T, V)`` (optional)
        - frame_dir (optional; keys the seeded generator)

    Modified Keys:
        - keypoint
        - keypoint_score

    Added Keys:
        - keypoint_score, all ones before dropping, when it is absent and
          ``zero_score`` is set

    Args:
        p: Per-frame drop probability, in [0, 1].
        candidates: Joints that may be dropped; the default is the COCO-17
            elbows, wrists, knees and ankles.
        zero_coords: Zero the dropped joint's coordinates.
        zero_score: Zero the dropped joint's score.
        seed: ``None`` draws from NumPy's global generator (seeded per
            worker by MMEngine). An integer makes the corruption of every
            video a fixed function of ``(seed, frame_dir)``, independent of
            worker count and order, for reproducible evaluation.
    """

    def __init__(self,
                 p: float = 0.5,
                 candidates: Sequence[int] = COCO17_LIMB_KEYPOINTS,
                 zero_coords: bool = True,
                 zero_score: bool = True,
                 seed: int | None = None) -> None:
        if not 0 <= p <= 1:
            raise ValueError(f'p must be in [0, 1], got {p}')
        if not candidates:
            raise ValueError('candidates must not be empty')
        if not (zero_coords or zero_score):
            raise ValueError('at least one of zero_coords and zero_score '
                             'must be set, or nothing is dropped')
        self.p = p
        self.candidates = tuple(int(c) for c in candidates)
        self.zero_coords = zero_coords
        self.zero_score = zero_score
        self.seed = seed

    def _rng(self, results: dict) -> np.random.Generator:
        if self.seed is None:
            return np.random.default_rng(np.random.randint(2**31))
        key = zlib.crc32(str(results.get('frame_dir', '')).encode())
        return np.random.default_rng((self.seed, key))

    def transform(self, results: dict) -> dict:
        """Drop keypoints of ``results`` (see the class docstring)."""
        keypoint = results['keypoint']
        if max(self.candidates) >= keypoint.shape[2]:
            raise ValueError(
                f'candidate joint {max(self.candidates)} does not exist in '
                f'keypoints with {keypoint.shape[2]} joints')
        score = results.get('keypoint_score')
        if score is None and self.zero_score:
            score = np.ones(keypoint.shape[:3], dtype=np.float32)
        keypoint, score, _ = drop_limb_keypoints(
            keypoint, score, self.p, self.candidates, self._rng(results),
            self.zero_coords, self.zero_score)
        results['keypoint'] = keypoint
        if score is not None:
            results['keypoint_score'] = score
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(p={self.p}, '
                f'candidates={self.candidates}, '
                f'zero_coords={self.zero_coords}, '
                f'zero_score={self.zero_score}, seed={self.seed})')
