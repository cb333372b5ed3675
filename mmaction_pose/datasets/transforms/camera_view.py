# Copyright (c) mmaction-pose. All rights reserved.
"""``RandomCameraView``: the 2D joints of a clip as a camera at another
angle would see them, from the clip's 3D joints (training)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.camera_view import reproject_view
from .keypoint_affine import _range

INTRINSIC_KEYS = ('fx', 'fy', 'cx', 'cy')


@TRANSFORMS.register_module()
class RandomCameraView(BaseTransform):
    """Turn a clip's 3D skeleton and project it again (training).

    A yaw uniform in ``[-yaw, yaw]`` degrees about the skeleton's vertical
    axis and a pitch uniform in ``[-pitch, pitch]``, drawn once per clip,
    rotate ``keypoint_3d`` about the centre of its valid joints
    (:func:`~.functional.camera_view.reproject_view`); the pinhole
    projection replaces ``keypoint``, and joints that become unprojectable
    get score 0. Apply first, before the frames are sampled (it maps every
    frame). A sample without ``keypoint_3d`` passes unchanged, so the
    transform is harmless on 2D-only pickles.

    Required Keys:
        - keypoint_3d ``(M, T, V, 3)`` (optional, see above)
        - keypoint_score ``(M, T, V)`` (optional)
        - camera_intrinsics (when ``intrinsics`` is ``None``)

    Modified Keys:
        - keypoint, keypoint_score

    Added Keys:
        - camera_view ``(yaw, pitch)`` that was applied

    Args:
        yaw: Max. absolute yaw (degrees) or a ``(min, max)`` pair.
        pitch: Max. absolute pitch (degrees) or a ``(min, max)`` pair.
        intrinsics: ``dict(fx=, fy=, cx=, cy=)`` (pixels) of the camera
            the 2D joints were projected with; ``None``: the sample's
            ``camera_intrinsics``.
        p: Probability of a new view (else the clip is unchanged).
    """

    def __init__(self,
                 yaw: float | Sequence[float] = 45.,
                 pitch: float | Sequence[float] = 0.,
                 intrinsics: dict | None = None,
                 p: float = 1.) -> None:
        self.yaw = _range(yaw, 0.)
        self.pitch = _range(pitch, 0.)
        for name in ('yaw', 'pitch'):
            lo, hi = getattr(self, name)
            if lo > hi:
                raise ValueError(f'{name}: min {lo} > max {hi}')
        if intrinsics is not None:
            intrinsics = self._check_intrinsics(intrinsics, 'intrinsics')
        self.intrinsics = intrinsics
        if not 0 <= p <= 1:
            raise ValueError(f'p must be in [0, 1], got {p}')
        self.p = p

    @staticmethod
    def _check_intrinsics(value, where: str) -> dict:
        if not isinstance(value, dict) or \
                sorted(value) != sorted(INTRINSIC_KEYS):
            raise ValueError(f'{where} must be a dict with keys '
                             f'{list(INTRINSIC_KEYS)}, got {value!r}')
        return {k: float(value[k]) for k in INTRINSIC_KEYS}

    def transform(self, results: dict) -> dict:
        xyz = results.get('keypoint_3d')
        if xyz is None or np.random.random() >= self.p:
            return results
        intrinsics = self.intrinsics
        if intrinsics is None:
            name = results.get('frame_dir', '?')
            if 'camera_intrinsics' not in results:
                raise ValueError(
                    f'sample {name!r}: RandomCameraView has no intrinsics '
                    'argument and the sample no "camera_intrinsics"')
            intrinsics = self._check_intrinsics(
                results['camera_intrinsics'],
                f'sample {name!r}: "camera_intrinsics"')
        yaw = np.random.uniform(*self.yaw)
        pitch = np.random.uniform(*self.pitch)
        uv, valid = reproject_view(xyz, yaw, pitch, intrinsics)
        kp = results['keypoint']
        if kp.shape[:3] != uv.shape[:3]:
            raise ValueError(
                f'sample {results.get("frame_dir", "?")!r}: keypoint_3d '
                f'{xyz.shape} does not match keypoint {kp.shape}')
        results['keypoint'] = uv.astype(kp.dtype)
        score = results.get('keypoint_score')
        if score is not None:
            results['keypoint_score'] = np.where(valid, score, 0.).astype(
                score.dtype)
        results['camera_view'] = (yaw, pitch)
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(yaw={self.yaw}, '
                f'pitch={self.pitch}, intrinsics={self.intrinsics}, '
                f'p={self.p})')
