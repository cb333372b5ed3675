# Copyright (c) mmaction-pose. All rights reserved.
"""``RandomViewAffine``: random rotation, axis scales and shear of a clip's
2D joints (one map per clip), a stand-in for an unseen camera view."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.keypoint_affine import apply_view_affine, view_affine_matrix


def _range(value: float | Sequence[float], centre: float) -> tuple:
    """``x`` -> ``(centre - x, centre + x)``; a pair stays a pair."""
    if isinstance(value, (int, float)):
        return (centre - value, centre + value)
    lo, hi = value
    return (float(lo), float(hi))


@TRANSFORMS.register_module()
class RandomViewAffine(BaseTransform):
    """Randomly rotate, scale and shear the joints of a clip (training).

    Apply before ``PoseCompact`` (which then boxes the moved joints). The
    map is drawn once per clip: ``rotation`` uniform in
    ``[-rotation, rotation]`` degrees, ``scale_x`` / ``scale_y`` uniform in
    their ranges, ``shear`` uniform in ``[-shear, shear]``; see
    :func:`~.functional.keypoint_affine.view_affine_matrix`.

    Required Keys:
        - keypoint ``(M, T, V, C)``

    Modified Keys:
        - keypoint (a new array)

    Added Keys:
        - view_affine ``(2, 2)`` the map that was applied

    Args:
        rotation: Max. absolute rotation (degrees) or a ``(min, max)`` pair.
        scale_x: Horizontal scale range ``(min, max)`` (or ``d``: ``1 ± d``).
        scale_y: Vertical scale range, likewise.
        shear: Max. absolute horizontal shear or a ``(min, max)`` pair.
        p: Probability of applying a map (else the clip is unchanged).
        seed: Seed of the transform's own generator (``None``: numpy's
            global generator, which mmengine seeds per dataloader worker
            from ``randomness.seed``, so runs are reproducible).
    """

    def __init__(self,
                 rotation: float | Sequence[float] = 15.,
                 scale_x: float | Sequence[float] = (0.6, 1.2),
                 scale_y: float | Sequence[float] = (0.9, 1.1),
                 shear: float | Sequence[float] = 0.2,
                 p: float = 1.,
                 seed: int | None = None) -> None:
        self.rotation = _range(rotation, 0.)
        self.scale_x = _range(scale_x, 1.)
        self.scale_y = _range(scale_y, 1.)
        self.shear = _range(shear, 0.)
        for name in ('rotation', 'scale_x', 'scale_y', 'shear'):
            lo, hi = getattr(self, name)
            if lo > hi:
                raise ValueError(f'{name}: min {lo} > max {hi}')
        if min(self.scale_x[0], self.scale_y[0]) <= 0:
            raise ValueError('scales must be positive, got '
                             f'scale_x={self.scale_x}, '
                             f'scale_y={self.scale_y}')
        if not 0 <= p <= 1:
            raise ValueError(f'p must be in [0, 1], got {p}')
        self.p = p
        self.seed = seed
        self._rng = None if seed is None else np.random.default_rng(seed)

    def sample_matrix(self) -> np.ndarray:
        """Draw one ``(2, 2)`` map (the identity with probability 1 - p)."""
        rng = np.random if self._rng is None else self._rng
        if rng.random() >= self.p:
            return np.eye(2)
        u = rng.uniform
        return view_affine_matrix(
            rotation=u(*self.rotation), scale_x=u(*self.scale_x),
            scale_y=u(*self.scale_y), shear=u(*self.shear))

    def transform(self, results: dict) -> dict:
        matrix = self.sample_matrix()
        results['keypoint'] = apply_view_affine(results['keypoint'], matrix)
        results['view_affine'] = matrix
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(rotation={self.rotation}, '
                f'scale_x={self.scale_x}, scale_y={self.scale_y}, '
                f'shear={self.shear}, p={self.p}, seed={self.seed})')
