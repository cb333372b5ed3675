# Copyright (c) mmaction-pose. All rights reserved.
"""``GeneratePoseTarget``: a vectorised drop-in for mmaction2's class.

Same arguments (plus ``out_key``), attributes and ``repr`` (``out_key``
only when set), same ``results`` keys, outputs equal to mmaction2's within
float32 rounding (parity test:
``tests/datasets/transforms/test_pose_target.py``), 10-25x faster; see
:mod:`..functional.heatmaps`. Fixed: with ``with_kp=True, with_limb=True``
the limb maps go to channels ``V..V+L-1`` (mmaction2 overwrites the joint
channels) and ``double`` swaps the limb pairs of the limb block too.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.heatmaps import (EPS, heatmap_flip_index,
                                  render_pose_heatmaps)

# mmaction2's defaults (COCO-17 limbs in *its* order, which differs from
# COCO17.limbs of our skeleton layouts; the limb flip lists depend on it).
MMACTION_SKELETONS = ((0, 1), (0, 2), (1, 3), (2, 4), (0, 5), (5, 7), (7, 9),
                      (0, 6), (6, 8), (8, 10), (5, 11), (11, 13), (13, 15),
                      (6, 12), (12, 14), (14, 16), (11, 12))


def scaled_pose(results: dict, use_score: bool,
                scaling: float) -> tuple[np.ndarray, np.ndarray,
                                         tuple[int, int]]:
    """Keypoints, scores and canvas as mmaction2's ``gen_an_aug`` sees them.

    Returns:
        ``keypoint (M, T, V, 2)`` float32 scaled by ``scaling`` (a copy),
        ``score (M, T, V)`` (ones without ``use_score`` or
        ``keypoint_score``) and the canvas ``(int(H·s + .5), int(W·s + .5))``.
    """
    kps = results['keypoint'][..., :2].astype(np.float32)
    kps *= scaling
    score = results.get('keypoint_score')
    if score is None or not use_score:
        score = np.ones(kps.shape[:-1], np.float32)
    img_h, img_w = results['img_shape']
    return kps, score, (int(img_h * scaling + 0.5),
                        int(img_w * scaling + 0.5))


def _ints(values: Sequence[int]) -> tuple[int, ...]:
    return tuple(int(v) for v in values)


@TRANSFORMS.register_module()
class GeneratePoseTarget(BaseTransform):
    """Render pseudo heatmaps of joints and/or limbs (drop-in, vectorised).

    PoseConv3D (Duan et al., CVPR 2022, arXiv:2104.13586) input volumes:
    per frame, a Gaussian of std ``sigma`` at every joint (or around every
    limb segment) scaled by its score, max over persons.

    Required Keys:
        - keypoint ``(M, T, V, 2)`` pixels of ``img_shape``
        - keypoint_score ``(M, T, V)`` (optional)
        - img_shape ``(H, W)``

    Added Keys:
        - ``out_key`` (``'imgs'``, or ``'heatmap_imgs'`` when ``imgs``
          exists, as in mmaction2): ``(T, C, H', W')`` float32 with
          ``C = V·with_kp + L·with_limb`` (joints first) and
          ``(H', W') = int(img_shape · scaling + .5)``; with ``double``
          ``(2T, C, H', W')``, the flipped maps appended. It is a view of a
          ``(C, T, H', W')`` contiguous array (free ``FormatShape``).

    Args:
        sigma: Gaussian standard deviation in output pixels.
        use_score: Scale each Gaussian by the joint score (limbs: the
            smaller endpoint score); otherwise by 1.
        with_kp: Render the ``V`` joint channels.
        with_limb: Render the ``L`` limb channels (after the joints).
        skeletons: Joint pairs of the limb channels.
        double: Append the horizontally flipped maps (test-time flip).
        left_kp, right_kp: Joint channels swapped by the flip.
        left_limb, right_limb: Limb channels (indices into ``skeletons``)
            swapped by the flip.
        scaling: Output size relative to ``img_shape`` (RGBPose: 0.25).
        out_key: Output key; ``None`` keeps mmaction2's implicit choice.
    """

    def __init__(self,
                 sigma: float = 0.6,
                 use_score: bool = True,
                 with_kp: bool = True,
                 with_limb: bool = False,
                 skeletons: Sequence[Sequence[int]] = MMACTION_SKELETONS,
                 double: bool = False,
                 left_kp: Sequence[int] = (1, 3, 5, 7, 9, 11, 13, 15),
                 right_kp: Sequence[int] = (2, 4, 6, 8, 10, 12, 14, 16),
                 left_limb: Sequence[int] = (0, 2, 4, 5, 6, 10, 11, 12),
                 right_limb: Sequence[int] = (1, 3, 7, 8, 9, 13, 14, 15),
                 scaling: float = 1.,
                 out_key: str | None = None) -> None:
        assert with_kp or with_limb, (
            'At least one of "with_limb" and "with_kp" should be set as True.')
        self.sigma = sigma
        self.use_score = use_score
        self.with_kp = with_kp
        self.with_limb = with_limb
        # The arguments as given (mmaction2's attributes and repr); the
        # renderer uses normalized int tuples.
        self.skeletons = skeletons
        self.double = double
        self.left_kp = left_kp
        self.right_kp = right_kp
        self.left_limb = left_limb
        self.right_limb = right_limb
        self.scaling = scaling
        self.out_key = out_key
        self.eps = EPS

    @property
    def limb_pairs(self) -> tuple[tuple[int, int], ...]:
        """``skeletons`` as a tuple of ``(a, b)`` int pairs."""
        return tuple(tuple(int(j) for j in s) for s in self.skeletons)

    def flip_index(self, num_joints: int) -> tuple[int, ...] | None:
        """Channel order of the flipped copy, ``None`` without ``double``."""
        if not self.double:
            return None
        return heatmap_flip_index(num_joints, len(self.skeletons),
                                  self.with_kp, self.with_limb,
                                  _ints(self.left_kp), _ints(self.right_kp),
                                  _ints(self.left_limb),
                                  _ints(self.right_limb))

    def transform(self, results: dict) -> dict:
        kps, score, canvas = scaled_pose(results, self.use_score,
                                         self.scaling)
        heatmap = render_pose_heatmaps(
            kps, score, canvas, self.sigma, self.with_kp, self.with_limb,
            self.limb_pairs, self.flip_index(kps.shape[2]), self.eps)
        key = self.out_key or ('heatmap_imgs' if 'imgs' in results else
                               'imgs')
        results[key] = heatmap
        return results

    def __repr__(self) -> str:
        # mmaction2's string; our extra argument only when it is set.
        return (f'{self.__class__.__name__}(sigma={self.sigma}, '
                f'use_score={self.use_score}, with_kp={self.with_kp}, '
                f'with_limb={self.with_limb}, skeletons={self.skeletons}, '
                f'double={self.double}, left_kp={self.left_kp}, '
                f'right_kp={self.right_kp}, left_limb={self.left_limb}, '
                f'right_limb={self.right_limb}, scaling={self.scaling}'
                + ('' if self.out_key is None else
                   f', out_key={self.out_key!r}') + ')')
