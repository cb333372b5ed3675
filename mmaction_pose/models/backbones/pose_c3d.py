# Copyright (c) mmaction-pose. All rights reserved.
"""Pose-C3D: the C3D backbone adapted to 3D heatmap volumes (PoseConv3D).

Layer layout after pyskl's ``C3D`` (``pyskl/models/cnns/c3d.py``,
Apache-2.0), rewritten as a :class:`~mmengine.model.BaseModule`. The module
names (``conv1a`` ... ``conv5b``) are kept, so pyskl's C3D checkpoints load
with ``init_cfg=dict(type='Pretrained', checkpoint=..., prefix='backbone.')``.
"""
from __future__ import annotations

import torch
import torch.nn as nn
from mmcv.cnn import ConvModule
from mmengine.model import BaseModule
from mmengine.model.weight_init import constant_init, kaiming_init
from mmengine.utils.dl_utils.parrots_wrapper import _BatchNorm

from mmaction.utils import OptConfigType, OptMultiConfig
from mmaction_pose.registry import MODELS

# Convs per stage after the stem (paper Table 11): C3D has eight 3D convs.
_STAGE_CONVS = (1, 2, 2, 2)


@MODELS.register_module()
class PoseC3D(BaseModule):
    """Pose-C3D and Pose-C3D-s backbones.

    From "Revisiting Skeleton-based Action Recognition" (PoseConv3D, Duan et
    al., CVPR 2022, https://arxiv.org/abs/2104.13586), Table 11: C3D at half
    width (32 base channels), every conv 3x3x3 + BN + ReLU, spatial-only
    1x2x2 pooling, no temporal downsampling::

        stem    conv1a  3x3x3, C                      (N, C,  T, H,   W)
        stage1  pool1 + conv2a           2C           (N, 2C, T, H/2, W/2)
        stage2  pool2 + conv3a, conv3b   4C           (N, 4C, T, H/4, W/4)
        stage3  pool3 + conv4a, conv4b   8C           (N, 8C, T, H/8, W/8)
        stage4  conv5a, conv5b           8C (C3D only, no pool4)

    Differences from the references:

    * Full Pose-C3D has **no pooling before stage 4**, as in the paper's
      Table 11; only then do its FLOPs (25.2G at 48x56x56) match. pyskl's
      ``C3D(num_stages=4)`` pools there (18.3G); ``pool_before_stage4=True``
      reproduces that layout.
    * The paper says "maxpool"; pyskl (whose C3D-light numbers are the
      reference) uses average pooling. ``pool_type`` selects; the default
      follows pyskl.

    Parameters (no classifier): C3D 6,929,440, C3D-s 3,389,472.

    Args:
        in_channels: Heatmap channels (17 COCO keypoints or 17 limbs).
        base_channels: Width of the stem; stages use 2x, 4x, 8x, 8x.
        num_stages: 4 for Pose-C3D, 3 for Pose-C3D-s (the last two convs
            removed).
        temporal_downsample: Pool time by 2 in stages 2-4 (original C3D).
            PoseConv3D keeps the temporal length.
        pool_type: ``'avg'`` (pyskl) or ``'max'`` (the paper's text).
        pool_before_stage4: Pool before stage 4 (pyskl's layout).
        conv_cfg: Convolution config; ``None`` means ``Conv3d``.
        norm_cfg: Normalisation config; ``None`` means ``BN3d``.
        act_cfg: Activation config; ``None`` means ReLU.
        init_cfg: ``None`` means Kaiming convs and unit BN; a ``Pretrained``
            config loads a checkpoint instead.

    Returns:
        The last stage's feature map, ``(N, 8C, T', H / 8, W / 8)`` (for the
        default 48x56x56 input: ``(N, 256, 48, 7, 7)``).
    """

    def __init__(self,
                 in_channels: int = 17,
                 base_channels: int = 32,
                 num_stages: int = 4,
                 temporal_downsample: bool = False,
                 pool_type: str = 'avg',
                 pool_before_stage4: bool = False,
                 conv_cfg: OptConfigType = None,
                 norm_cfg: OptConfigType = None,
                 act_cfg: OptConfigType = None,
                 init_cfg: OptMultiConfig = None) -> None:
        super().__init__(init_cfg=init_cfg)
        conv_cfg = conv_cfg or dict(type='Conv3d')
        norm_cfg = norm_cfg or dict(type='BN3d')
        act_cfg = act_cfg or dict(type='ReLU')
        if num_stages not in (3, 4):
            raise ValueError(f'num_stages must be 3 or 4, got {num_stages}')
        if pool_type not in ('avg', 'max'):
            raise ValueError(f"pool_type must be 'avg' or 'max', got "
                             f'{pool_type!r}')
        self.in_channels = in_channels
        self.base_channels = base_channels
        self.num_stages = num_stages
        self.temporal_downsample = temporal_downsample
        conv = dict(kernel_size=3, padding=1, conv_cfg=conv_cfg,
                    norm_cfg=norm_cfg, act_cfg=act_cfg)
        pool_cls = nn.AvgPool3d if pool_type == 'avg' else nn.MaxPool3d

        self.layer_names: list[str] = ['conv1a']
        self.conv1a = ConvModule(in_channels, base_channels, **conv)
        widths = (2, 4, 8, 8)
        inplanes = base_channels
        for i in range(num_stages):
            stage = i + 1
            if stage < 4 or pool_before_stage4:
                # Stage 1 never pools time (C3D's pool1 is 1x2x2).
                t = 2 if temporal_downsample and stage > 1 else 1
                self.add_module(f'pool{stage}',
                                pool_cls(kernel_size=(t, 2, 2),
                                         stride=(t, 2, 2)))
                self.layer_names.append(f'pool{stage}')
            planes = base_channels * widths[i]
            for j in range(_STAGE_CONVS[i]):
                name = f'conv{stage + 1}{"ab"[j]}'
                self.add_module(name, ConvModule(inplanes, planes, **conv))
                self.layer_names.append(name)
                inplanes = planes
        self.out_channels = inplanes

    def init_weights(self) -> None:
        """Kaiming-init the convs and set BN to 1, unless ``init_cfg``."""
        if self.init_cfg is not None:
            super().init_weights()
            return
        for m in self.modules():
            if isinstance(m, nn.Conv3d):
                kaiming_init(m)
            elif isinstance(m, _BatchNorm):
                constant_init(m, 1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Extract features.

        Args:
            x: Heatmap volumes, ``(N, C_in, T, H, W)``.

        Returns:
            Features ``(N, 8 * base_channels, T', H / 8, W / 8)``.
        """
        for name in self.layer_names:
            x = getattr(self, name)(x)
        return x

