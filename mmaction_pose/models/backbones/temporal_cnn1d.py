# Copyright (c) mmaction-pose. All rights reserved.
"""A 1D temporal CNN over per-frame skeleton features: the baseline."""
from __future__ import annotations

from collections.abc import Sequence

import torch
import torch.nn as nn
from mmengine.model import BaseModule

from mmaction.utils import OptMultiConfig
from mmaction_pose.registry import MODELS


@MODELS.register_module()
class TemporalCNN1D(BaseModule):
    """1D convolutions over time, the joints' features as channels.

    The baseline every pose-based paper here should beat: no graph, no
    heatmaps, no RGB. Every person's clip is flattened to ``V * C`` channels
    per frame (``PoseMotionFeatures``: body-normalized ``(x, y)`` and their
    velocities, ``C = 4``), batch-normalized, and passed through stages of
    ``Conv1d -> BN -> ReLU``. The output keeps mmaction2's GCN layout, so
    ``RecognizerGCN`` + ``GCNHead`` (global average pooling over time, mean
    over persons, linear classifier) complete the model::

        input   (N, M, T, V, C)      FormatGCNInput, one clip per row
        flatten (N * M, V * C, T)    channel v * C + c
        stages  (N * M, C_i, T_i)    T_i = T / (stride_1 ... stride_i)
        output  (N, M, C_out, T_out, 1)

    Args:
        num_joints: ``V``.
        in_channels: Features per joint ``C``.
        channels: Output channels of every stage.
        strides: Temporal stride of every stage (as many as ``channels``).
        kernel_size: Temporal kernel size (odd; 'same' padding).
        init_cfg: mmengine initialisation config.
    """

    def __init__(self,
                 num_joints: int,
                 in_channels: int = 4,
                 channels: Sequence[int] = (64, 128, 256),
                 strides: Sequence[int] = (1, 2, 2),
                 kernel_size: int = 5,
                 init_cfg: OptMultiConfig = None) -> None:
        super().__init__(init_cfg=init_cfg)
        if len(channels) != len(strides) or not channels:
            raise ValueError(f'channels {tuple(channels)} and strides '
                             f'{tuple(strides)} must be equally long')
        if kernel_size % 2 != 1:
            raise ValueError(f'kernel_size must be odd, got {kernel_size}')
        self.num_joints, self.in_channels = num_joints, in_channels
        self.out_channels = channels[-1]
        self.data_bn = nn.BatchNorm1d(num_joints * in_channels)
        stages, width = [], num_joints * in_channels
        for out, stride in zip(channels, strides):
            stages.append(
                nn.Sequential(
                    nn.Conv1d(width, out, kernel_size, stride,
                              kernel_size // 2, bias=False),
                    nn.BatchNorm1d(out), nn.ReLU(inplace=True)))
            width = out
        self.stages = nn.ModuleList(stages)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(N, M, T, V, C)`` -> ``(N, M, C_out, T_out, 1)``."""
        n, m, t, v, c = x.shape
        if (v, c) != (self.num_joints, self.in_channels):
            raise ValueError(
                f'expected (N, M, T, {self.num_joints}, {self.in_channels}) '
                f'input, got {tuple(x.shape)}')
        x = x.permute(0, 1, 3, 4, 2).reshape(n * m, v * c, t)
        x = self.data_bn(x)
        for stage in self.stages:
            x = stage(x)
        return x.reshape(n, m, *x.shape[1:], 1)
