# Copyright (c) mmaction-pose. All rights reserved.
"""ECO-Lite's 3D net, the Spatiotemporal ConvNet ``N_st`` of PAS-Net.

PAS-Net ("PAS-Net: pose-based and appearance-based spatiotemporal
network"), Sec. III-A "Spatiotemporal ConvNet": "utilizes 3D Resnet
architecture [27], and the initialized weights of which come from
ECO-(H3D) [42]" (Zolfaghari et al., "ECO: Efficient Convolutional Network
for Online Video Understanding", ECCV 2018, Sec. 3.1 and Table 1). See
``docs/papers/pasnet.md`` Sec. 2.2.

The layout is the one of the public ECO-Lite model (``ECO.yaml`` of
mzolfaghari/ECO-pytorch, the released ``ECO_Lite_rgb_model_Kinetics``
weights): 3D-ResNet-18 conv3_x .. conv5_x with 3x3x3 kernels (with bias),
in a pre-activation style where the residual stream is the *un-normalised*
sum and every BN + ReLU sits where the stream branches::

    r = res3a_2(x)                             (B, 128, K,   28, 28)
    r = res3b_2(cbr(res3b_1, y)) + r,  y = relu(res3b_bn(r))
    r = res4a_2(cbr(res4a_1, y)) + res4a_down(y)   (stride 2) -> K/2, 14
    r = res4b_2(cbr(res4b_1, y)) + r,  y = relu(res4b_bn(r))
    r = res5a_2(cbr(res5a_1, y)) + res5a_down(y)   (stride 2) -> K/4, 7
    r = res5b_2(cbr(res5b_1, y)) + r,  y = relu(res5b_bn(r))  (B, 512, ...)

where ``y = relu(<block>_bn(r))`` after every sum and ``cbr(conv, y) =
relu(conv_bn(conv(y)))``. Every module has the public layer name, so a
public key maps 1:1 (``module.base_model.res4a_down.weight`` ->
``res4a_down.weight``; :mod:`..checkpoint_converters.eco_lite`).
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F
from mmengine.model import BaseModule
from mmengine.model.weight_init import constant_init, kaiming_init

from mmaction.utils import OptMultiConfig
from mmaction_pose.registry import MODELS
from .bn_inception import scale_channels

#: Output channels of the three stages of the public model.
ECO_3D_CHANNELS = (128, 256, 512)
#: ``(stage, stride)``: res3 keeps the resolution, res4 and res5 halve it.
ECO_3D_STAGES = (('res3', 1), ('res4', 2), ('res5', 2))
#: The temporal stride of the whole net (K -> K / 4).
ECO_3D_TEMPORAL_STRIDE = 4


def eco3d_layers(in_channels: int = 96,
                 channels: tuple[int, ...] = ECO_3D_CHANNELS
                 ) -> list[tuple[str, str, int, int, int]]:
    """Every layer of the public 3D net, in the order of its checkpoint.

    Returns:
        ``[(name, kind, in, out, stride)]`` with ``kind`` ``'conv'``
        (Conv3d, kernel 3, pad 1, bias) or ``'bn'`` (BatchNorm3d; ``in``
        = ``out`` = its channels, stride 1).
    """
    layers = []
    c_in = in_channels
    for (stage, stride), c in zip(ECO_3D_STAGES, channels):
        a, b = stage + 'a', stage + 'b'
        if stride == 1:  # res3a: one conv, its output starts the stream
            layers += [(a + '_2', 'conv', c_in, c, 1),
                       (a + '_bn', 'bn', c, c, 1)]
        else:
            layers += [(a + '_1', 'conv', c_in, c, stride),
                       (a + '_1_bn', 'bn', c, c, 1),
                       (a + '_2', 'conv', c, c, 1),
                       (a + '_down', 'conv', c_in, c, stride),
                       (a + '_bn', 'bn', c, c, 1)]
        layers += [(b + '_1', 'conv', c, c, 1), (b + '_1_bn', 'bn', c, c, 1),
                   (b + '_2', 'conv', c, c, 1), (b + '_bn', 'bn', c, c, 1)]
        c_in = c
    return layers


@MODELS.register_module()
class ECO3DResNet18(BaseModule):
    """ECO-Lite's 3D-ResNet-18 part (res3a .. res5b), PAS-Net's ``N_st``.

    Parameters (width_mult 1, 96 input channels): 36,617,088 (the public
    model's 3D part; every conv has a bias).

    Args:
        in_channels: Channels of the stacked 2D features (96 for ECO's
            ``inception_3c_double_3x3_1``).
        width_mult: Scale of the stage channels (128, 256, 512), rounded,
            at least 8; 1.0 is the public model (only then do its weights
            load).
        init_cfg: ``None`` means Kaiming convs and unit BN.
    """

    def __init__(self,
                 in_channels: int = 96,
                 width_mult: float = 1.0,
                 init_cfg: OptMultiConfig = None) -> None:
        super().__init__(init_cfg=init_cfg)
        if width_mult <= 0:
            raise ValueError(f'width_mult must be > 0, got {width_mult}')
        self.in_channels = in_channels
        self.width_mult = width_mult
        channels = tuple(scale_channels(c, width_mult)
                         for c in ECO_3D_CHANNELS)
        for name, kind, c_in, c_out, stride in eco3d_layers(
                in_channels, channels):
            if kind == 'conv':
                module = nn.Conv3d(c_in, c_out, 3, stride, 1, bias=True)
            else:
                module = nn.BatchNorm3d(c_out)
            self.add_module(name, module)
        self.out_channels = channels[-1]

    def init_weights(self) -> None:
        """``init_cfg`` if given, else Kaiming convs and unit BN."""
        if self.init_cfg is not None:
            super().init_weights()
            return
        for m in self.modules():
            if isinstance(m, nn.Conv3d):
                kaiming_init(m)
            elif isinstance(m, nn.BatchNorm3d):
                constant_init(m, 1)

    def _branch(self, block: str, y: torch.Tensor) -> torch.Tensor:
        """``<block>_2(relu(<block>_1_bn(<block>_1(y))))``."""
        y = getattr(self, block + '_1')(y)
        y = F.relu(getattr(self, block + '_1_bn')(y), inplace=True)
        return getattr(self, block + '_2')(y)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(B, C_in, K, H, W) -> (B, C_out, K/4, H/4, W/4)``.

        Raises:
            ValueError: if K is not divisible by 4 (the two stride-2 stages
                would not give K / 4 time steps).
        """
        check_num_frames(x.shape[2])
        r = y = x
        for stage, stride in ECO_3D_STAGES:
            a, b = stage + 'a', stage + 'b'
            if stride == 1:
                r = getattr(self, a + '_2')(y)
            else:
                r = self._branch(a, y) + getattr(self, a + '_down')(y)
            y = F.relu(getattr(self, a + '_bn')(r))
            r = self._branch(b, y) + r
            y = F.relu(getattr(self, b + '_bn')(r))
        return y


def check_num_frames(num_frames: int) -> None:
    """Raise ``ValueError`` unless ``num_frames`` is a multiple of 4."""
    if num_frames % ECO_3D_TEMPORAL_STRIDE:
        raise ValueError(
            f'the ECO 3D net needs a number of frames K divisible by '
            f'{ECO_3D_TEMPORAL_STRIDE} (it outputs K / 4 time steps), got '
            f'K = {num_frames}')
