# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseResNet2d``: Action Machine's CNN on the pose image (Zhu et al.,
"Action Machine", 2018, Sec. 3.3).

"Due to the low spatial dimension of the input pose sequences, in the used
ResNet-18, all the pooling operations are removed and all the stride 2
operations in the convolutional layers are replaced with 1": mmaction2's 2D
``ResNet`` with a stride-1 stem, no max-pool and stride-1 stages, on the
``(N, 3, T, J)`` tensor of ``(x, y, confidence)``. ``base_channels`` narrows
it for CPU-sized models (64 is the paper's ResNet-18/50).
"""
from __future__ import annotations

from mmcv.cnn import ConvModule
from torch import nn

from mmaction.models.backbones.resnet import ResNet, make_res_layer
from mmaction_pose.registry import MODELS


@MODELS.register_module()
class PoseResNet2d(ResNet):
    """ResNet-18/50 without any spatial reduction.

    ``(N, 3, T, J)`` -> ``(N, 8 * base_channels * expansion, T, J)`` (512
    for ResNet-18, 2048 for ResNet-50 at ``base_channels=64``).

    Args:
        depth: 18, 34, 50, 101 or 152.
        base_channels: Width of the stem and of the first stage.
        in_channels: 3 (x, y, confidence).
        pretrained: ``'torchvision://resnet18'`` or None (scratch); only
            with ``base_channels=64``.
        **kwargs: The other arguments of mmaction2's ``ResNet``;
            ``strides`` defaults to all ones.
    """

    def __init__(self, depth: int = 18, base_channels: int = 64,
                 in_channels: int = 3, pretrained: str | None = None,
                 strides: tuple[int, ...] = (1, 1, 1, 1), **kwargs) -> None:
        if pretrained is not None and base_channels != 64:
            raise ValueError('pretrained weights need base_channels=64, got '
                             f'{base_channels}')
        self.base_channels = int(base_channels)
        super().__init__(depth, pretrained=pretrained,
                         in_channels=in_channels, strides=strides, **kwargs)
        if self.base_channels != 64:
            self._make_layers()

    def _make_stem_layer(self) -> None:
        """7x7 stem of stride 1, no max-pool."""
        self.conv1 = ConvModule(
            self.in_channels, self.base_channels, kernel_size=7, stride=1,
            padding=3, bias=False, conv_cfg=self.conv_cfg,
            norm_cfg=self.norm_cfg, act_cfg=self.act_cfg)
        self.maxpool = nn.Identity()

    def _make_layers(self) -> None:
        """The residual stages at ``base_channels * 2**i`` widths."""
        self.inplanes = self.base_channels
        for i, num_blocks in enumerate(self.stage_blocks):
            planes = self.base_channels * 2**i
            self.add_module(
                f'layer{i + 1}',
                make_res_layer(self.block, self.inplanes, planes, num_blocks,
                               stride=self.strides[i],
                               dilation=self.dilations[i], style=self.style,
                               conv_cfg=self.conv_cfg,
                               norm_cfg=self.norm_cfg, act_cfg=self.act_cfg,
                               with_cp=self.with_cp))
            self.inplanes = planes * self.block.expansion
        self.feat_dim = self.inplanes
