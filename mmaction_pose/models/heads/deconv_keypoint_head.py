# Copyright (c) mmaction-pose. All rights reserved.
"""``DeconvKeypointHead``: Action Machine's per-frame pose-estimation branch
(Zhu et al., "Action Machine", 2018, Sec. 3.2, Fig. 3, Eq. 3-5).

"two deconvolutional layers with batch normalization and ReLU activation
... Each layer has 256 filters with 4x4 kernel and the stride is 2 ... a 1x1
convolutional layer is added at last to generate predicted heatmaps for all
K keypoints ... and offsets ... for a total of 3K output channels"; shared
over the temporal dimension ("8x" in Fig. 3). Losses: smooth L1 on the
binary-disk heatmaps (Eq. 3) and on the offsets inside the disks (Eq. 4),
``L_p = lambda_h L_h + lambda_o L_o`` with ``lambda_h = lambda_o = 0.5``.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn.functional as F
from mmengine.model import BaseModule
from torch import Tensor, nn

from mmaction.utils import SampleList
from mmaction_pose.registry import MODELS
from ..layers.heatmap_offsets import (decode_heatmap_offsets,
                                      disk_offset_targets)


def stack_joint_targets(data_samples: SampleList, device: torch.device
                        ) -> tuple[Tensor, Tensor]:
    """``pose_keypoint`` / ``pose_mask`` of the samples, flattened over
    samples and frames: ``(B*F, J, 2)``, ``(B*F, J)``."""
    if 'pose_keypoint' not in data_samples[0]:
        raise KeyError(
            "the pose head needs `pose_keypoint`/`pose_mask` in the data "
            "samples: add dict(type='SelectTargetJoints') and PackActionInputs"
            "(algorithm_keys=('pose_keypoint', 'pose_mask')) to the pipeline")
    kps = torch.stack([torch.as_tensor(ds.pose_keypoint)
                       for ds in data_samples]).to(device)
    mask = torch.stack([torch.as_tensor(ds.pose_mask)
                        for ds in data_samples]).to(device)
    return kps.flatten(0, 1).float(), mask.flatten(0, 1).float()


@MODELS.register_module()
class DeconvKeypointHead(BaseModule):
    """Deconvolutions on every frame of a 3D feature map.

    ``(N, C, T, h, w)`` -> ``(N*T, 3J, 4h, 4w)`` (two stride-2 deconvs):
    ``J`` raw heatmaps (no sigmoid: the confidence is a ReLU of their max),
    then ``2J`` offsets ``(dx_k, dy_k)`` in grid cells.

    Args:
        in_channels: ``C`` (2048 for I3D ResNet-50).
        num_keypoints: ``J``.
        num_deconv_filters: Filters of each deconv (paper: 256, 256).
        num_deconv_kernels: Their kernels (4: k=4, s=2, p=1 doubles).
        final_kernel: Kernel of the output conv (1).
        stride: Input pixels per output cell (8: 224 -> 28).
        radius: Disk radius ``M`` in input pixels (16 = 2 cells at 224,
            G-RMI's 25 px at 353 rescaled).
        lambda_h: Weight of the heatmap loss (0.5).
        lambda_o: Weight of the offset loss (0.5).
        beta: Smooth-L1 ``beta``.
        position_reduction: ``'sum'`` over grid positions (Eq. 3-4) or
            ``'mean'``.
        loss_weight: ``lambda_2`` of Eq. 8 (1).
    """

    def __init__(self,
                 in_channels: int,
                 num_keypoints: int,
                 num_deconv_filters: Sequence[int] = (256, 256),
                 num_deconv_kernels: Sequence[int] = (4, 4),
                 final_kernel: int = 1,
                 stride: float = 8.,
                 radius: float = 16.,
                 lambda_h: float = 0.5,
                 lambda_o: float = 0.5,
                 beta: float = 1.,
                 position_reduction: str = 'sum',
                 loss_weight: float = 1.,
                 init_cfg: dict | list[dict] | None = None) -> None:
        super().__init__(init_cfg=init_cfg)
        if len(num_deconv_filters) != len(num_deconv_kernels):
            raise ValueError('num_deconv_filters and num_deconv_kernels '
                             'differ in length')
        if position_reduction not in ('sum', 'mean'):
            raise ValueError("position_reduction must be 'sum' or 'mean', "
                             f'got {position_reduction!r}')
        self.num_keypoints = int(num_keypoints)
        self.stride, self.radius = float(stride), float(radius)
        self.lambda_h, self.lambda_o = float(lambda_h), float(lambda_o)
        self.beta, self.loss_weight = float(beta), float(loss_weight)
        self.position_reduction = position_reduction
        layers, c = [], in_channels
        for filters, kernel in zip(num_deconv_filters, num_deconv_kernels):
            pad, out_pad = {4: (1, 0), 3: (1, 1), 2: (0, 0)}[kernel]
            layers += [
                nn.ConvTranspose2d(c, filters, kernel, 2, pad, out_pad,
                                   bias=False),
                nn.BatchNorm2d(filters),
                nn.ReLU(inplace=True)
            ]
            c = filters
        self.deconv_layers = nn.Sequential(*layers)
        self.final_layer = nn.Conv2d(c, 3 * self.num_keypoints, final_kernel,
                                     padding=final_kernel // 2)

    def init_weights(self) -> None:
        """Simple-Baseline init: deconvs N(0, 0.001), output conv N(0,
        0.001) with zero bias, BN weight 1."""
        for m in self.modules():
            if isinstance(m, (nn.ConvTranspose2d, nn.Conv2d)):
                nn.init.normal_(m.weight, std=0.001)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x: Tensor) -> Tensor:
        """``(N, C, T, h, w)`` -> ``(N*T, 3J, H', W')`` (frame ``n*T+t``)."""
        if x.dim() != 5:
            raise ValueError(f'expected (N, C, T, h, w) features, got '
                             f'{tuple(x.shape)}')
        frames = x.transpose(1, 2).flatten(0, 1)
        return self.final_layer(self.deconv_layers(frames))

    def loss_by_maps(self, maps: Tensor, keypoint: Tensor,
                     mask: Tensor) -> dict[str, Tensor]:
        """Eq. 3-5 on ``(B, 3J, H', W')`` maps against ``(B, J, 2)`` joints
        in input pixels: ``loss_heatmap``, ``loss_offset`` (weighted by
        ``lambda * loss_weight``) and ``kps_err`` (mean decoded error in
        pixels, unweighted)."""
        j = self.num_keypoints
        if maps.shape[0] != keypoint.shape[0]:
            raise ValueError(f'{maps.shape[0]} predicted frames but '
                             f'{keypoint.shape[0]} target frames')
        heat_t, off_t, weight = disk_offset_targets(
            keypoint, mask, tuple(maps.shape[-2:]), self.stride, self.radius)
        heat, off = maps[:, :j], maps[:, j:]
        red = (lambda t: t.sum((-2, -1))) if self.position_reduction == \
            'sum' else (lambda t: t.mean((-2, -1)))
        l_h = red(F.smooth_l1_loss(heat, heat_t, reduction='none',
                                   beta=self.beta))  # (B, J)
        l_o = F.smooth_l1_loss(off, off_t, reduction='none', beta=self.beta)
        l_o = red((l_o.unflatten(1, (j, 2)).sum(2)) * heat_t)
        l_h = (l_h * weight).mean(1).mean()
        l_o = (l_o * weight).mean(1).mean()
        with torch.no_grad():
            pred, _ = decode_heatmap_offsets(heat, off, self.stride)
            err = (pred - keypoint).norm(dim=-1)
            err = (err * weight).sum() / weight.sum().clamp(min=1)
        return dict(loss_heatmap=l_h * self.lambda_h * self.loss_weight,
                    loss_offset=l_o * self.lambda_o * self.loss_weight,
                    kps_err=err)

    def loss(self, x: Tensor, data_samples: SampleList) -> dict[str, Tensor]:
        """Losses of ``(N, C, T, h, w)`` features; targets from the samples'
        ``pose_keypoint (T, J, 2)`` / ``pose_mask (T, J)``."""
        kps, mask = stack_joint_targets(data_samples, x.device)
        return self.loss_by_maps(self(x), kps, mask)

    def predict(self, x: Tensor) -> tuple[Tensor, Tensor, Tensor]:
        """Maps ``(N*T, 3J, H', W')``, keypoints ``(N*T, J, 2)`` in input
        pixels and confidences ``(N*T, J)``."""
        maps = self(x)
        j = self.num_keypoints
        kps, conf = decode_heatmap_offsets(maps[:, :j], maps[:, j:],
                                           self.stride)
        return maps, kps, conf
