# Copyright (c) mmaction-pose. All rights reserved.
"""``OpenPosePretrainer``: OpenPose's intermediate supervision of the pose
stream (Cao et al., "Realtime Multi-Person 2D Pose Estimation using Part
Affinity Fields", CVPR 2017, Sec. 2.1, Eq. 3-5).

PAS-Net (Sec. III-A "Pose ConvNet") initialises ``N_pose`` from OpenPose;
offline there are no OpenPose weights, so ``OpenPoseVGG19`` is pre-trained
here on frames with their ground-truth joints, OpenPose-style::

    frames (N*T, 3, H, W) ── OpenPoseVGG19 ── stage t = 1..T_s:
        S^t (N*T, V+1, H/8, W/8), L^t (N*T, 2L, H/8, W/8)
    f = sum_t sum_p W(p) (|S^t(p) - S*(p)|^2 + |L^t(p) - L*(p)|^2)

The targets ``S*`` (Gaussian joint maps + background ``1 - max``) and
``L*`` (PAFs of the layout's limbs) and the masks ``W`` (unlabelled joints)
are rendered in the dataloader by ``GenerateOpenPoseTargets`` (after
``Flip``, so mirroring swaps their channels consistently) and packed with
``PackActionInputs(algorithm_keys=OPENPOSE_TARGET_KEYS)``: no torch PAF
renderer exists, and the numpy ``render_paf`` is reused as is.
"""
from __future__ import annotations

import torch
from mmengine.model import BaseModel
from torch import Tensor

from mmaction.utils import SampleList
from mmaction_pose.registry import MODELS
from ..heads.deconv_keypoint_head import stack_joint_targets

#: Data-sample fields written by ``GenerateOpenPoseTargets``.
OPENPOSE_TARGET_KEYS = ('openpose_heatmap', 'openpose_paf',
                        'openpose_heatmap_mask', 'openpose_paf_mask')


def stage_l2_loss(preds: list[Tensor], target: Tensor,
                  mask: Tensor | None = None) -> Tensor:
    """OpenPose's L2 loss summed over stages (Eq. 3-5).

    Each stage contributes Caffe's ``EuclideanLoss`` of OpenPose's training
    prototxt, ``sum W (pred - target)^2 / (2 N)`` over the channels and
    cells of the ``N`` frames.

    Args:
        preds: Stage outputs, each ``(N, C, h, w)``.
        target: ``(N, C, h, w)``.
        mask: ``(N, C)`` or ``(N, C, h, w)`` weights ``W``; ``None``: 1.

    Returns:
        Scalar loss.
    """
    if mask is not None and mask.dim() == 2:
        mask = mask[:, :, None, None]
    total = target.new_zeros(())
    for pred in preds:
        if pred.shape != target.shape:
            raise ValueError(f'prediction {tuple(pred.shape)} and target '
                             f'{tuple(target.shape)} differ: the targets '
                             'must be on the network\'s output grid')
        err = (pred - target)**2
        if mask is not None:
            err = err * mask
        total = total + err.sum() / (2 * max(target.shape[0], 1))
    return total


def heatmap_keypoints(heatmaps: Tensor, stride: int,
                      refine: bool = True) -> tuple[Tensor, Tensor]:
    """Keypoints at the heatmaps' argmax, in input pixels.

    Cell ``(i, j)`` is centred at ``((j + 0.5) stride, (i + 0.5) stride)``
    (``GenerateOpenPoseTargets``'s grid). With ``refine`` the position moves
    a quarter cell towards the higher neighbour on each axis (inside the
    grid; Newell et al.'s and mmpose's classic post-processing).

    Args:
        heatmaps: ``(N, J, h, w)`` joint maps (no background channel).
        stride: Input pixels per cell.

    Returns:
        ``keypoints (N, J, 2)`` ``(x, y)`` and ``scores (N, J)`` (the max).
    """
    n, j, h, w = heatmaps.shape
    flat = heatmaps.detach().flatten(2)
    score, idx = flat.max(-1)
    row = torch.div(idx, w, rounding_mode='floor')
    col = idx % w
    x, y = col.float(), row.float()
    if refine:

        def at(dr: int, dc: int) -> Tensor:
            r = (row + dr).clamp(0, h - 1)
            c = (col + dc).clamp(0, w - 1)
            return flat.gather(-1, (r * w + c)[..., None])[..., 0]

        inner_x = ((col > 0) & (col < w - 1)).float()
        inner_y = ((row > 0) & (row < h - 1)).float()
        x = x + 0.25 * torch.sign(at(0, 1) - at(0, -1)) * inner_x
        y = y + 0.25 * torch.sign(at(1, 0) - at(-1, 0)) * inner_y
    kps = torch.stack([(x + 0.5) * stride, (y + 0.5) * stride], -1)
    return kps, score


@MODELS.register_module()
class OpenPosePretrainer(BaseModel):
    """Trains an ``OpenPoseVGG19`` with every stage supervised.

    Inputs are frame batches ``(B, T, 3, H, W)`` from
    ``ActionDataPreprocessor(format_shape='NCHW', mean=None, std=None)``
    (0-255 pixels; the backbone normalises them) or ``(N, 3, H, W)``; the
    data samples carry ``OPENPOSE_TARGET_KEYS`` (``(T, V+1, h, w)``,
    ``(T, 2L, h, w)``, ``(T, V+1)``, ``(T, 2L)``) and optionally
    ``pose_keypoint`` / ``pose_mask`` (``SelectTargetJoints``, for
    ``kps_err`` and the PCK metric).

    Args:
        backbone: ``OpenPoseVGG19`` config; built with
            ``return_all_stages=True``. ``num_heatmaps`` = joints + 1
            (background last), ``num_pafs`` = 2 x limbs.
        loss_weight: Weight of both losses.
        stride: Input pixels per output cell (8).
        refine: Quarter-cell refinement of the predicted keypoints.
        data_preprocessor: Defaults to the ``NCHW`` preprocessor above.
        init_cfg: Initialisation config.

    Losses (``mode='loss'``): ``loss_heatmap`` and ``loss_paf`` (each summed
    over stages, see :func:`stage_l2_loss`) and, with ``pose_keypoint``,
    the detached ``kps_err``: the mean distance in input pixels of the last
    stage's argmax joints to the labelled ground truth. Predictions:
    ``pred_keypoint`` ``(T, J, 2)`` and ``pred_keypoint_score`` ``(T, J)``
    of every sample (``KeypointPCKMetric``).
    """

    def __init__(self,
                 backbone: dict,
                 loss_weight: float = 1.0,
                 stride: int = 8,
                 refine: bool = True,
                 data_preprocessor: dict | None = None,
                 init_cfg: dict | list[dict] | None = None) -> None:
        if data_preprocessor is None:
            data_preprocessor = dict(type='ActionDataPreprocessor',
                                     format_shape='NCHW', mean=None,
                                     std=None)
        super().__init__(data_preprocessor=data_preprocessor,
                         init_cfg=init_cfg)
        self.backbone = MODELS.build(dict(backbone, return_all_stages=True))
        self.loss_weight = float(loss_weight)
        self.stride = int(stride)
        self.refine = bool(refine)

    def extract_feat(self, inputs: Tensor) -> dict:
        """``(B, T, 3, H, W)`` or ``(N, 3, H, W)`` -> the backbone's dict
        for ``N = B*T`` frames (sample-major)."""
        x = inputs.reshape((-1, ) + inputs.shape[-3:])
        return self.backbone(x)

    @staticmethod
    def _stack(data_samples: SampleList, key: str,
               device: torch.device) -> Tensor:
        """A packed field of every sample, flattened over samples and
        frames: ``(B*T, ...)``."""
        if key not in data_samples[0]:
            raise KeyError(
                f'data samples lack {key!r}: add dict(type='
                "'GenerateOpenPoseTargets') and PackActionInputs("
                f'algorithm_keys={OPENPOSE_TARGET_KEYS}) to the pipeline')
        return torch.stack([torch.as_tensor(ds.get(key))
                            for ds in data_samples]).flatten(0, 1).to(
                                device=device, dtype=torch.float32)

    def loss_by_maps(self, feats: dict, data_samples: SampleList) -> dict:
        """The losses of the backbone's output ``feats``."""
        device = feats['heatmaps'].device
        heat, paf, heat_mask, paf_mask = (self._stack(data_samples, k, device)
                                          for k in OPENPOSE_TARGET_KEYS)
        if heat.shape[0] != feats['heatmaps'].shape[0]:
            raise ValueError(f'{heat.shape[0]} target frames for '
                             f'{feats["heatmaps"].shape[0]} input frames')
        w = self.loss_weight
        losses = dict(
            loss_heatmap=w * stage_l2_loss(feats['stage_heatmaps'], heat,
                                           heat_mask),
            loss_paf=w * stage_l2_loss(feats['stage_pafs'], paf, paf_mask))
        if 'pose_keypoint' in data_samples[0]:
            gt, mask = stack_joint_targets(data_samples, device)
            kps, _ = self._keypoints(feats['heatmaps'])
            dist = (kps - gt).norm(dim=-1)
            losses['kps_err'] = ((dist * mask).sum() /
                                 mask.sum().clamp(min=1)).detach()
        return losses

    def _keypoints(self, heatmaps: Tensor) -> tuple[Tensor, Tensor]:
        """Joints of the last stage's maps (background dropped)."""
        return heatmap_keypoints(heatmaps[:, :-1], self.stride, self.refine)

    def loss(self, inputs: Tensor, data_samples: SampleList) -> dict:
        """``loss_heatmap``, ``loss_paf`` (and ``kps_err``)."""
        return self.loss_by_maps(self.extract_feat(inputs), data_samples)

    def predict(self, inputs: Tensor,
                data_samples: SampleList) -> SampleList:
        """``pred_keypoint`` ``(T, J, 2)`` / ``pred_keypoint_score``
        ``(T, J)`` per sample, in input pixels."""
        kps, score = self._keypoints(self.extract_feat(inputs)['heatmaps'])
        per_sample = kps.shape[0] // len(data_samples)
        for i, ds in enumerate(data_samples):
            sl = slice(i * per_sample, (i + 1) * per_sample)
            ds.set_field(kps[sl].cpu(), 'pred_keypoint')
            ds.set_field(score[sl].cpu(), 'pred_keypoint_score')
        return data_samples

    def forward(self, inputs: Tensor, data_samples: SampleList | None = None,
                mode: str = 'tensor') -> dict | SampleList:
        """MMEngine entry: ``'loss'``, ``'predict'`` or ``'tensor'`` (the
        backbone's dict, every stage included)."""
        if mode == 'loss':
            return self.loss(inputs, data_samples)
        if mode == 'predict':
            return self.predict(inputs, data_samples)
        if mode == 'tensor':
            return self.extract_feat(inputs)
        raise RuntimeError(f'invalid mode {mode!r}')
