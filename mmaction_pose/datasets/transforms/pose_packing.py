# Copyright (c) mmaction-pose. All rights reserved.
"""``PackPoseKeypoints``: pack keypoints so the model renders the heatmaps.

The keypoints-only end of a PoseConv3D pipeline: it replaces the three
steps ``GeneratePoseTarget(**args)``, ``FormatShape('NCTHW_Heatmap')``,
``PackActionInputs()`` and takes ``GeneratePoseTarget``'s arguments. A
sample then carries ~100 KB of keypoints instead of 10 MB (train) to
267 MB (10-clip test with flip) of heatmaps; ``PoseHeatmapPreprocessor``
renders the batch on the model's device with the same values.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch
from mmaction.datasets.transforms import PackActionInputs
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.heatmaps import EPS
from .pose_target import GeneratePoseTarget, MMACTION_SKELETONS, scaled_pose

HEATMAP_CFG_KEY = 'heatmap_cfg'  # data-sample metainfo read by the model


@TRANSFORMS.register_module()
class PackPoseKeypoints(BaseTransform):
    """Pack keypoints, scores and the heatmap recipe for device rendering.

    Required Keys:
        - keypoint ``(M, T, V, 2)`` pixels of ``img_shape``,
          ``T = num_clips * clip_len``
        - keypoint_score ``(M, T, V)`` (optional)
        - img_shape ``(H, W)``, num_clips, clip_len
        - label (optional) and ``meta_keys`` / ``algorithm_keys`` as in
          ``PackActionInputs``

    Added Keys:
        - inputs: ``dict(keypoint=(M, T, V, 2), keypoint_score=(M, T, V))``
          float32 tensors, coordinates already multiplied by ``scaling``,
          scores all 1 without ``use_score``
        - data_samples: ``ActionDataSample`` with ``gt_label``, the
          ``meta_keys`` and ``heatmap_cfg``: canvas ``(H', W')``, ``sigma``,
          ``with_kp``, ``with_limb``, ``skeletons``, ``flip_index`` (or
          ``None``), ``num_clips``, ``clip_len``, ``eps``

    Args:
        sigma, use_score, with_kp, with_limb, skeletons, double, left_kp,
            right_kp, left_limb, right_limb, scaling: As
            ``GeneratePoseTarget``; the rendered volume equals its output
            after ``FormatShape('NCTHW_Heatmap')``.
        meta_keys, algorithm_keys: As ``PackActionInputs``.
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
                 meta_keys: Sequence[str] = ('img_shape', 'img_key',
                                             'video_id', 'timestamp'),
                 algorithm_keys: Sequence[str] = ()) -> None:
        self.target = GeneratePoseTarget(
            sigma=sigma, use_score=use_score, with_kp=with_kp,
            with_limb=with_limb, skeletons=skeletons, double=double,
            left_kp=left_kp, right_kp=right_kp, left_limb=left_limb,
            right_limb=right_limb, scaling=scaling)
        self.pack = PackActionInputs(meta_keys=tuple(meta_keys),
                                     algorithm_keys=tuple(algorithm_keys))

    def transform(self, results: dict) -> dict:
        target = self.target
        kps, score, canvas = scaled_pose(results, target.use_score,
                                         target.scaling)
        num_clips, clip_len = results['num_clips'], results['clip_len']
        if kps.shape[1] != num_clips * clip_len:
            raise ValueError(f'keypoint has {kps.shape[1]} frames, expected '
                             f'num_clips * clip_len = {num_clips} * '
                             f'{clip_len}')
        data_sample = self.pack.transform(
            {k: v
             for k, v in results.items()
             if k not in ('imgs', 'heatmap_imgs')})['data_samples']
        data_sample.set_metainfo({
            HEATMAP_CFG_KEY:
            dict(
                canvas=canvas,
                sigma=float(target.sigma),
                with_kp=bool(target.with_kp),
                with_limb=bool(target.with_limb),
                skeletons=target.limb_pairs,
                flip_index=target.flip_index(kps.shape[2]),
                num_clips=int(num_clips),
                clip_len=int(clip_len),
                eps=EPS)
        })
        inputs = dict(
            keypoint=torch.from_numpy(kps),
            keypoint_score=torch.from_numpy(
                np.ascontiguousarray(score, np.float32)))
        return dict(inputs=inputs, data_samples=data_sample)

    def __repr__(self) -> str:
        args = repr(self.target).split('(', 1)[1][:-1]
        return (f'{self.__class__.__name__}({args}, '
                f'meta_keys={self.pack.meta_keys}, '
                f'algorithm_keys={self.pack.algorithm_keys})')
