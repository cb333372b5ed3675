# Copyright (c) mmaction-pose. All rights reserved.
"""``GenerateOpenPoseTargets``: OpenPose's training targets from keypoints.

Cao et al., "Realtime Multi-Person 2D Pose Estimation using Part Affinity
Fields", CVPR 2017, Sec. 2.1 (targets of the intermediate supervision,
Eq. 5), Sec. 2.2 (confidence maps, Eq. 6-7) and Sec. 2.3 (part affinity
fields, Eq. 8-9). Used to pre-train PAS-Net's pose stream
(``OpenPoseVGG19``, PAS-Net Sec. III-A) on rendered frames with their
ground-truth joints, where no OpenPose weights are available offline.

Conventions (those of mmaction2's ``Resize`` / ``Flip``): keypoints are
continuous, the image spans ``[0, W] x [0, H]``; the network's stride-``s``
output grid has ``ceil(H / s) x ceil(W / s)`` cells (what its three
ceil-mode max pools give) with centres at ``((j + 0.5) s, (i + 0.5) s)``.
A horizontal flip ``x -> W - x`` is then the exact mirror ``j -> w-1-j`` of
the grid, so generating the targets after ``Flip(left_kp, right_kp)`` swaps
the left/right channels and negates the PAFs' x for free.

* Heatmaps ``S*_j(p) = max_k exp(-|p - x_jk|^2 / sigma^2)`` (Eq. 6-7; we
  use ``2 sigma^2``, the Gaussian of OpenPose's code ``putGaussianMaps``,
  which also zeroes values below 0.01: an isotropic cut-off, so flips stay
  exact) and the background channel ``1 - max_j S*_j`` (OpenPose's code
  appends it; ``OpenPoseVGG19`` predicts it last). Written here: the
  windowed renderer of ``functional.heatmaps`` (mmaction2's
  ``GeneratePoseTarget``) truncates its windows asymmetrically, which
  breaks the exact flip consistency.
* PAFs: ``functional.paf.render_paf`` (Eq. 8-9, averaged over people), on
  the grid: unit vectors ``(x, y)`` interleaved per limb, in the layout's
  limb order; ``limb_width`` is ``sigma_l`` in input pixels (OpenPose's
  code: 1 grid cell).
* Masks (Eq. 5's ``W(p)``, per frame and channel): with
  ``mask_unlabelled`` a joint whose score is at most ``score_thr`` (Penn's
  missing joints: coordinates ``(0, 0)``, score 0) leaves its heatmap
  channel, the PAFs of its limbs and the background channel of that frame
  unsupervised (where it is is unknown); a frame without any labelled
  joint is unsupervised. A person counts in a frame only if one of its
  joints is labelled there. Without ``mask_unlabelled`` such joints are
  just not drawn and every channel is supervised (OpenPose's own handling
  of unlabelled joints of annotated people).
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures.skeleton_layouts import get_layout
from .functional.paf import render_paf

#: OpenPose ``putGaussianMaps``: exponents above ln(100) are set to 0.
GAUSSIAN_CUTOFF = 4.6052


def grid_shape(img_shape: tuple[int, int], stride: int) -> tuple[int, int]:
    """``(h, w) = (ceil(H / stride), ceil(W / stride))``."""
    h, w = (int(x) for x in img_shape)
    return -(-h // stride), -(-w // stride)


def openpose_heatmaps(keypoint: np.ndarray, labelled: np.ndarray,
                      grid: tuple[int, int], stride: int,
                      sigma: float) -> np.ndarray:
    """Joint heatmaps (max over people) and the background channel.

    Args:
        keypoint: ``(M, T, V, 2)`` ``(x, y)`` in input pixels.
        labelled: ``(M, T, V)`` bool, joints to draw.
        grid: ``(h, w)`` output cells.
        stride: Input pixels per cell; cell ``(i, j)`` is centred at
            ``((j + 0.5) stride, (i + 0.5) stride)``.
        sigma: Gaussian std in input pixels.

    Returns:
        ``(T, V + 1, h, w)`` float32 in ``[0, 1]``, the background
        ``1 - max_j`` last.
    """
    m, t, v = keypoint.shape[:3]
    h, w = grid
    out = np.zeros((t, v + 1, h, w), np.float32)
    xs = (np.arange(w, dtype=np.float64) + 0.5) * stride
    ys = (np.arange(h, dtype=np.float64) + 0.5) * stride
    kp = np.asarray(keypoint, np.float64)
    for p in range(m):  # one person at a time: (T, V, h, w)
        dx = xs - kp[p, :, :, 0, None]  # (T, V, w)
        dy = ys - kp[p, :, :, 1, None]  # (T, V, h)
        expo = (dy[..., :, None]**2 + dx[..., None, :]**2) / (2 * sigma**2)
        val = np.where(expo > GAUSSIAN_CUTOFF, 0., np.exp(-expo))
        val = np.where(labelled[p, :, :, None, None], val, 0.)
        np.maximum(out[:, :v], val.astype(np.float32), out=out[:, :v])
    out[:, v] = 1. - out[:, :v].max(1) if v else 1.
    return out


def openpose_targets(keypoint: np.ndarray,
                     keypoint_score: np.ndarray | None,
                     limbs: Sequence[Sequence[int]],
                     img_shape: tuple[int, int],
                     stride: int = 8,
                     sigma: float = 7.,
                     limb_width: float = 8.,
                     score_thr: float = 0.,
                     mask_unlabelled: bool = True
                     ) -> tuple[np.ndarray, np.ndarray, np.ndarray,
                                np.ndarray]:
    """OpenPose's heatmap and PAF targets and their masks.

    Args:
        keypoint: ``(M, T, V, 2)`` ``(x, y)`` in pixels of ``img_shape``.
        keypoint_score: ``(M, T, V)``; ``None`` means every joint labelled.
        limbs: ``L`` joint pairs ``(a, b)`` (the PAF points from a to b).
        img_shape: ``(H, W)`` of the network input.
        stride, sigma, limb_width, score_thr, mask_unlabelled: See
            :class:`GenerateOpenPoseTargets`.

    Returns:
        ``heatmap (T, V + 1, h, w)``, ``paf (T, 2L, h, w)`` float32,
        ``heatmap_mask (T, V + 1)`` and ``paf_mask (T, 2L)`` float32 in
        ``{0, 1}``.
    """
    kp = np.asarray(keypoint, np.float32)[..., :2]
    m, t, v = kp.shape[:3]
    score = np.ones((m, t, v), np.float32) if keypoint_score is None \
        else np.asarray(keypoint_score, np.float32)
    labelled = (score > score_thr) & np.isfinite(kp).all(-1)
    grid = grid_shape(img_shape, stride)
    heatmap = openpose_heatmaps(kp, labelled, grid, stride, sigma)
    limb_idx = np.asarray(limbs, np.int64).reshape(-1, 2)
    # render_paf samples integer positions: cell j <-> x / stride - 0.5.
    paf = render_paf(kp / np.float32(stride) - np.float32(0.5),
                     labelled.astype(np.float32), limb_idx, grid,
                     limb_width=limb_width / stride, use_score=True, eps=0.5)
    if not mask_unlabelled:
        return (heatmap, paf, np.ones(heatmap.shape[:2], np.float32),
                np.ones(paf.shape[:2], np.float32))
    present = labelled.any(-1)  # (M, T): the person is in the frame
    joint_ok = np.all(labelled | ~present[..., None], axis=0)  # (T, V)
    joint_ok &= present.any(0)[:, None]
    heat_mask = np.concatenate([joint_ok, joint_ok.all(1, keepdims=True)],
                               1)
    limb_ok = joint_ok[:, limb_idx[:, 0]] & joint_ok[:, limb_idx[:, 1]]
    paf_mask = np.repeat(limb_ok, 2, axis=1)
    return (heatmap, paf, heat_mask.astype(np.float32),
            paf_mask.astype(np.float32))


@TRANSFORMS.register_module()
class GenerateOpenPoseTargets(BaseTransform):
    """OpenPose's heatmap + background and PAF targets on the output grid.

    Place it after sampling, ``PoseDecode`` (the sampled frames' joints)
    and every geometric transform (``Resize``, ``Flip`` with the layout's
    ``left_kp`` / ``right_kp``), before ``FormatShape('NCHW')``; pack the
    added keys with ``PackActionInputs(algorithm_keys=...)``.

    Required Keys:
        - keypoint ``(M, T, V, 2)`` in pixels of ``img_shape``
        - keypoint_score ``(M, T, V)`` (optional: every joint labelled)
        - img_shape ``(H, W)``

    Added Keys:
        - openpose_heatmap ``(T, V + 1, h, w)`` float32, ``(h, w) =
          ceil((H, W) / stride)``; channel ``V`` is the background
        - openpose_paf ``(T, 2L, h, w)`` float32; channels ``2l, 2l + 1``
          are the ``(x, y)`` of limb ``l`` of the layout
        - openpose_heatmap_mask ``(T, V + 1)``, openpose_paf_mask
          ``(T, 2L)`` float32: 1 where supervised

    Args:
        layout: Skeleton layout (``'penn13'``, ``'coco17'``, ...): the joint
            count and the limbs of the PAFs (channel order).
        stride: Input pixels per output cell (8 for ``OpenPoseVGG19``).
        sigma: Gaussian std in input pixels (OpenPose: 7 px at stride 8).
        limb_width: PAF half-width ``sigma_l`` in input pixels (OpenPose:
            1 cell = 8 px).
        score_thr: Joints with a score at most this are unlabelled.
        mask_unlabelled: Leave unlabelled joints' channels unsupervised (see
            the module docstring) instead of supervising them as empty.
    """

    def __init__(self, layout: str = 'penn13', stride: int = 8,
                 sigma: float = 7., limb_width: float = 8.,
                 score_thr: float = 0., mask_unlabelled: bool = True
                 ) -> None:
        if stride < 1 or sigma <= 0 or limb_width <= 0:
            raise ValueError('stride, sigma and limb_width must be positive')
        self.layout = layout
        self._layout = get_layout(layout)
        self.stride, self.sigma = int(stride), float(sigma)
        self.limb_width, self.score_thr = float(limb_width), float(score_thr)
        self.mask_unlabelled = bool(mask_unlabelled)

    def transform(self, results: dict) -> dict:
        kp = np.asarray(results['keypoint'])
        if kp.ndim != 4 or kp.shape[2] != self._layout.num_joints:
            raise ValueError(f'keypoint must be (M, T, '
                             f'{self._layout.num_joints}, 2) for layout '
                             f'{self.layout!r}, got {kp.shape}')
        heat, paf, heat_mask, paf_mask = openpose_targets(
            kp, results.get('keypoint_score'), self._layout.limbs,
            results['img_shape'], self.stride, self.sigma, self.limb_width,
            self.score_thr, self.mask_unlabelled)
        results['openpose_heatmap'] = heat
        results['openpose_paf'] = paf
        results['openpose_heatmap_mask'] = heat_mask
        results['openpose_paf_mask'] = paf_mask
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(layout={self.layout!r}, '
                f'stride={self.stride}, sigma={self.sigma}, '
                f'limb_width={self.limb_width}, score_thr={self.score_thr}, '
                f'mask_unlabelled={self.mask_unlabelled})')
