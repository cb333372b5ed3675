# Copyright (c) mmaction-pose. All rights reserved.
"""Pose-X3D: the X3D-S backbone without its first stage (PoseConv3D).

Composes MMAction2's ``BlockX3D``; the stage builder follows pyskl's ``X3D``
(``pyskl/models/cnns/x3d.py``, Apache-2.0), whose module names (``conv1_s``,
``conv1_t``, ``layer1`` ..., ``conv5``) are kept so pyskl's X3D checkpoints
load with ``init_cfg=dict(type='Pretrained', ...)``. MMAction2's own ``X3D``
cannot express Pose-X3D: it hard-codes ``stage_blocks=(1, 2, 5, 3)``, 24 base
channels and swish.
"""
from __future__ import annotations

import math
from collections.abc import Sequence

import torch
import torch.nn as nn
from mmcv.cnn import ConvModule
from mmengine.model import BaseModule
from mmengine.model.weight_init import constant_init, kaiming_init
from mmengine.utils.dl_utils.parrots_wrapper import _BatchNorm

from mmaction.models.backbones.x3d import BlockX3D
from mmaction.utils import OptConfigType, OptMultiConfig
from mmaction_pose.registry import MODELS


class PoseX3DBlock(BlockX3D):
    """MMAction2's ``BlockX3D`` whose ``use_swish=False`` takes effect.

    MMAction2's block stores ``use_swish`` but always applies swish; pyskl's
    applies it only when asked. Pose-X3D uses no swish.

    Args:
        *args: ``BlockX3D`` arguments.
        use_swish: Apply swish after the depthwise conv.
        **kwargs: ``BlockX3D`` keyword arguments.
    """

    def __init__(self, *args, use_swish: bool = True, **kwargs) -> None:
        super().__init__(*args, use_swish=use_swish, **kwargs)
        if not use_swish:
            self.swish = nn.Identity()


@MODELS.register_module()
class PoseX3D(BaseModule):
    """Pose-X3D and Pose-X3D-s backbones.

    From "Revisiting Skeleton-based Action Recognition" (PoseConv3D, Duan et
    al., CVPR 2022, https://arxiv.org/abs/2104.13586), Table 11: X3D-S with
    its first stage removed, no squeeze-excitation, ReLU only::

        stem    conv1_s 1x3x3, C, stride (1,2,2)        (N, C,   T, H/2,  W/2)
                conv1_t 5x1x1 depthwise + BN + ReLU
        layer1  [1x1x1 bC; 3x3x3 dw bC; 1x1x1 C]  x d1  (N, C,   T, H/4,  W/4)
        layer2  [.. 2bC .. 2C]                    x d2  (N, 2C,  T, H/8,  W/8)
        layer3  [.. 4bC .. 4C]                    x d3  (N, 4C,  T, H/16, W/16)
        conv5   1x1x1, 4bC + BN + ReLU                  (N, 4bC, T, H/16, W/16)

    with C = ``base_channels`` (24), b = ``gamma_b`` (2.25) and
    ``d_i = ceil(gamma_d * stage_blocks[i])``: (5, 11, 7) for Pose-X3D
    (gamma_d 2.2) and (2, 5, 3) for Pose-X3D-s (gamma_d 1, "we remove
    convolution layers from each stage uniformly").

    Parameters (no classifier): Pose-X3D 530,742, Pose-X3D-s 241,488; they
    match the paper (531K / 241K) only without SE, hence ``se_ratio=None``.

    Args:
        in_channels: Heatmap channels.
        base_channels: Stem width ``C``.
        gamma_b: Bottleneck expansion ``b``.
        gamma_d: Depth multiplier applied to ``stage_blocks``.
        stage_blocks: Blocks per stage before ``gamma_d``.
        spatial_strides: Spatial stride of the first block of each stage.
        se_ratio: Squeeze-excitation reduction; ``None`` disables SE.
        se_style: ``'half'`` (every other block) or ``'all'``.
        use_swish: Swish after the depthwise conv (X3D); off in PoseConv3D.
        stem_temporal_kernel: Kernel of the depthwise temporal stem conv.
        conv_cfg: Convolution config; ``None`` means ``Conv3d``.
        norm_cfg: Normalisation config; ``None`` means ``BN3d``.
        act_cfg: Activation config; ``None`` means ReLU.
        zero_init_residual: Zero the last BN of every block.
        init_cfg: ``None`` means the X3D init (Kaiming convs, unit BN,
            zero-init residuals); a ``Pretrained`` config loads a checkpoint.

    Returns:
        ``(N, 4 * gamma_b * C, T, H / 16, W / 16)``; for the default
        48x56x56 input ``(N, 216, 48, 4, 4)``.
    """

    def __init__(self,
                 in_channels: int = 17,
                 base_channels: int = 24,
                 gamma_b: float = 2.25,
                 gamma_d: float = 2.2,
                 stage_blocks: Sequence[int] = (2, 5, 3),
                 spatial_strides: Sequence[int] = (2, 2, 2),
                 se_ratio: float | None = None,
                 se_style: str = 'half',
                 use_swish: bool = False,
                 stem_temporal_kernel: int = 5,
                 conv_cfg: OptConfigType = None,
                 norm_cfg: OptConfigType = None,
                 act_cfg: OptConfigType = None,
                 zero_init_residual: bool = True,
                 init_cfg: OptMultiConfig = None) -> None:
        super().__init__(init_cfg=init_cfg)
        conv_cfg = conv_cfg or dict(type='Conv3d')
        norm_cfg = norm_cfg or dict(type='BN3d')
        act_cfg = act_cfg or dict(type='ReLU', inplace=True)
        if len(spatial_strides) != len(stage_blocks):
            raise ValueError('spatial_strides and stage_blocks differ in '
                             f'length: {spatial_strides} vs {stage_blocks}')
        if se_style not in ('half', 'all'):
            raise ValueError(f"se_style must be 'half' or 'all', got "
                             f'{se_style!r}')
        self.in_channels = in_channels
        self.base_channels = base_channels
        self.gamma_b = gamma_b
        self.gamma_d = gamma_d
        self.stage_blocks = tuple(
            int(math.ceil(gamma_d * n)) for n in stage_blocks)
        self.zero_init_residual = zero_init_residual
        cfgs = dict(conv_cfg=conv_cfg, norm_cfg=norm_cfg)

        self.conv1_s = ConvModule(
            in_channels, base_channels, kernel_size=(1, 3, 3),
            stride=(1, 2, 2), padding=(0, 1, 1), bias=False,
            conv_cfg=conv_cfg, norm_cfg=None, act_cfg=None)
        self.conv1_t = ConvModule(
            base_channels, base_channels,
            kernel_size=(stem_temporal_kernel, 1, 1),
            padding=(stem_temporal_kernel // 2, 0, 0),
            groups=base_channels, bias=False, act_cfg=act_cfg, **cfgs)

        self.res_layers: list[str] = []
        layer_inplanes = base_channels
        for i, (num_blocks, stride) in enumerate(
                zip(self.stage_blocks, spatial_strides)):
            outplanes = base_channels * 2**i
            planes = int(outplanes * gamma_b)
            downsample = None
            if stride != 1 or layer_inplanes != outplanes:
                downsample = ConvModule(
                    layer_inplanes, outplanes, kernel_size=1,
                    stride=(1, stride, stride), bias=False, act_cfg=None,
                    **cfgs)
            blocks = []
            for j in range(num_blocks):
                with_se = se_ratio is not None and (se_style == 'all'
                                                    or j % 2 == 0)
                blocks.append(
                    PoseX3DBlock(
                        layer_inplanes if j == 0 else outplanes, planes,
                        outplanes, spatial_stride=stride if j == 0 else 1,
                        downsample=downsample if j == 0 else None,
                        se_ratio=se_ratio if with_se else None,
                        use_swish=use_swish, act_cfg=act_cfg, **cfgs))
            layer_inplanes = outplanes
            self.add_module(f'layer{i + 1}', nn.Sequential(*blocks))
            self.res_layers.append(f'layer{i + 1}')

        self.out_channels = int(layer_inplanes * gamma_b)
        self.conv5 = ConvModule(
            layer_inplanes, self.out_channels, kernel_size=1, bias=False,
            act_cfg=act_cfg, **cfgs)

    def init_weights(self) -> None:
        """X3D init (Kaiming, unit BN, zero-init residual) unless
        ``init_cfg``."""
        if self.init_cfg is not None:
            super().init_weights()
            return
        for m in self.modules():
            if isinstance(m, nn.Conv3d):
                kaiming_init(m)
            elif isinstance(m, _BatchNorm):
                constant_init(m, 1)
        if self.zero_init_residual:
            for m in self.modules():
                if isinstance(m, BlockX3D):
                    constant_init(m.conv3.bn, 0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Extract features.

        Args:
            x: Heatmap volumes, ``(N, C_in, T, H, W)``.

        Returns:
            Features ``(N, 4 * gamma_b * C, T, H / 16, W / 16)``.
        """
        x = self.conv1_t(self.conv1_s(x))
        for name in self.res_layers:
            x = getattr(self, name)(x)
        return self.conv5(x)
