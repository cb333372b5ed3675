# Copyright (c) mmaction-pose. All rights reserved.
"""PAS-Net's Fusing Network ``N_fuse`` (Sec. III-B, Eq. 3-11, Table II).

PAS-Net ("PAS-Net: pose-based and appearance-based spatiotemporal
network") fuses, per frame and "at the last 2D convolutional layer", the
appearance map x_A (ECO's BN-Inception, 96 channels) with the pose maps of
OpenPose's 6th stage: implicit x_I (128), explicit x_E (1) and PAF x_F
(128). ``docs/papers/pasnet.md`` Sec. 2.3; the modes are Table II's rows::

    'A'                  h = x_A                                (3)
    'I'                  h = pool(x_I)                          (4)
    'E*A'                h = x_E * x_A                          (5)
    'A+E*A'              h = x_A + l1 * x_E * x_A               (6)
    'conv(A,E*A)'        h = conv(cat(x_A, x_E * x_A))          (7)
    'A+pool(I)'          h = x_A + l2 * pool(x_I)               (8)
    'conv(A,I)'          h = conv(cat(x_A, x_I))                (9)
    'A+pool(I)+pool(F)'  h = x_A + l3 pool(x_I) + l4 pool(x_F)  (10) (best)
    'conv(A,I,F)'        h = conv(cat(x_A, x_I, x_F))           (11)
    'A+conv1x1'          h = conv(x_A)      (Table I's control "A + 1*1conv")

with ``(l1, l2, l3, l4) = (1.5, 1.5, 0.5, 1)`` (paper) and ``pool`` the
"mean-pooling operation [...] to fit the number of channels", read as an
adaptive average over the channel axis (:func:`channel_pool`; the spec's
choice). ``x_E`` broadcasts over the channels. ``conv`` is a 1x1 conv with
bias (kernel, BN/ReLU and init are not given by the paper).

Resolutions: both streams have stride 8, so the maps agree for every input
side divisible by 8. Otherwise (e.g. an odd side, where BN-Inception's
ceil-mode pools and OpenPose's pools round differently) the pose maps are
resized to x_A's grid with ``adaptive_avg_pool2d`` -- the paper's
"pooling" alignment -- and a warning is given once per module.
"""
from __future__ import annotations

import warnings
from typing import Mapping

import torch
import torch.nn as nn
import torch.nn.functional as F

from mmaction_pose.registry import MODELS

#: The fusion styles, in the order of Table II (+ Table I's control).
FUSION_MODES = ('A', 'I', 'E*A', 'A+E*A', 'conv(A,E*A)', 'A+pool(I)',
                'conv(A,I)', 'A+pool(I)+pool(F)', 'conv(A,I,F)', 'A+conv1x1')
#: The inputs each mode reads ('EA' = x_E * x_A, 96 channels).
MODE_INPUTS = {
    'A': ('A', ), 'I': ('I', ), 'E*A': ('A', 'E'), 'A+E*A': ('A', 'E'),
    'conv(A,E*A)': ('A', 'EA'), 'A+pool(I)': ('A', 'I'),
    'conv(A,I)': ('A', 'I'), 'A+pool(I)+pool(F)': ('A', 'I', 'F'),
    'conv(A,I,F)': ('A', 'I', 'F'), 'A+conv1x1': ('A', )
}
#: Modes whose output is a 1x1 conv of the concatenated inputs.
CONV_MODES = ('conv(A,E*A)', 'conv(A,I)', 'conv(A,I,F)', 'A+conv1x1')
#: Key of each pose input in the pose stream's output dict.
POSE_KEYS = dict(I='implicit', E='explicit', F='paf')


def channel_pool(x: torch.Tensor, out_channels: int) -> torch.Tensor:
    """Adaptive mean over the channel axis, ``(N, C, H, W) -> (N, C', H, W)``.

    Output channel ``i`` averages input channels ``floor(i C / C')`` ..
    ``ceil((i + 1) C / C') - 1`` (PyTorch's adaptive pooling windows; for
    128 -> 96 every window holds 2 channels, consecutive windows overlapping
    in a 3-in-4 pattern). A constant map stays constant; ``C == C'`` is the
    identity.
    """
    if x.shape[1] == out_channels:
        return x
    h, w = x.shape[-2:]
    return F.adaptive_avg_pool3d(x.unsqueeze(1),
                                 (out_channels, h, w)).squeeze(1)


def pose_requirements(mode: str) -> tuple[str, ...]:
    """Keys of the pose-stream dict that ``mode`` needs (may be empty)."""
    if mode not in MODE_INPUTS:
        raise ValueError(f'fusion mode must be one of {FUSION_MODES}, got '
                         f'{mode!r}')
    inputs = ''.join(MODE_INPUTS[mode]).replace('A', '')
    return tuple(POSE_KEYS[c] for c in dict.fromkeys(inputs))


@MODELS.register_module()
class PoseAppearanceFusion(nn.Module):
    """Per-frame fusion of appearance and pose maps (PAS-Net ``N_fuse``).

    Args:
        mode: One of :data:`FUSION_MODES`.
        lambdas: ``(l1, l2, l3, l4)`` of Eq. 6, 8 and 10.
        out_channels: Channels of the fused map (those of the 3D net's
            input; 96 in ECO).
        in_channels: Channels of ``A`` (x_A), ``I`` (x_I) and ``F`` (x_F).
            The sum and product modes need ``A == out_channels``.
        conv_kernel: Kernel of the fusion conv (1: the paper's 1x1).
        conv_init: ``'default'`` (PyTorch's) or ``'identity'``: identity on
            the x_A channels, zero elsewhere and zero bias, so the conv
            modes start as ``'A'``.
        with_bn_relu: BN + ReLU after the fusion conv.
    """

    def __init__(self,
                 mode: str = 'A+pool(I)+pool(F)',
                 lambdas: tuple[float, ...] = (1.5, 1.5, 0.5, 1.0),
                 out_channels: int = 96,
                 in_channels: Mapping[str, int] | None = None,
                 conv_kernel: int = 1,
                 conv_init: str = 'default',
                 with_bn_relu: bool = False) -> None:
        super().__init__()
        self.pose_keys = pose_requirements(mode)
        if len(lambdas) != 4:
            raise ValueError(f'lambdas must be (l1, l2, l3, l4), got '
                             f'{lambdas}')
        if conv_init not in ('default', 'identity'):
            raise ValueError(f"conv_init must be 'default' or 'identity', "
                             f'got {conv_init!r}')
        channels = dict(A=96, I=128, F=128)
        channels.update(in_channels or {})
        x_a_shaped = mode not in CONV_MODES and mode != 'I'
        if x_a_shaped and channels['A'] != out_channels:
            raise ValueError(f'mode {mode!r} outputs x_A-shaped maps: '
                             f'in_channels A ({channels["A"]}) must equal '
                             f'out_channels ({out_channels})')
        self.mode = mode
        self.lambdas = tuple(float(v) for v in lambdas)
        self.out_channels = out_channels
        self.in_channels = channels
        self.conv_init = conv_init
        self.conv: nn.Module | None = None
        if mode in CONV_MODES:
            c_in = sum(channels['A'] if k == 'EA' else channels[k]
                       for k in MODE_INPUTS[mode])
            conv = nn.Conv2d(c_in, out_channels, conv_kernel,
                             padding=conv_kernel // 2, bias=True)
            self.conv = nn.Sequential(conv) if not with_bn_relu else (
                nn.Sequential(conv, nn.BatchNorm2d(out_channels),
                              nn.ReLU(inplace=True)))
            self.init_weights()
        self._warned = False

    def init_weights(self) -> None:
        """Re-apply ``conv_init`` ('identity') to the fusion conv."""
        if self.conv is None or self.conv_init != 'identity':
            return
        conv = self.conv[0]
        k = conv.kernel_size[0] // 2
        c = min(self.in_channels['A'], self.out_channels)
        with torch.no_grad():
            conv.weight.zero_()
            conv.bias.zero_()
            conv.weight[torch.arange(c), torch.arange(c), k, k] = 1.

    def _align(self, x: torch.Tensor, size: torch.Size) -> torch.Tensor:
        if x.shape[-2:] == size:
            return x
        if not self._warned:
            warnings.warn(f'PoseAppearanceFusion: pose maps '
                          f'{tuple(x.shape[-2:])} resized to the appearance '
                          f'grid {tuple(size)} by adaptive average pooling '
                          '(input sides divisible by 8 avoid this)')
            self._warned = True
        return F.adaptive_avg_pool2d(x, size)

    def forward(self, x_a: torch.Tensor,
                pose: Mapping[str, torch.Tensor] | None = None
                ) -> torch.Tensor:
        """Fuse one batch of frames.

        Args:
            x_a: Appearance maps ``(N, C_A, h, w)``.
            pose: The pose stream's dict (``implicit`` ``(N, C_I, h', w')``,
                ``paf`` ``(N, C_F, h', w')``, ``explicit`` ``(N, 1, h', w')``);
                only read by the pose modes.

        Returns:
            ``(N, out_channels, h, w)``.

        Raises:
            ValueError: if a pose mode gets ``pose=None`` or lacks a map.
        """
        maps = dict(A=x_a)
        if self.pose_keys:
            if pose is None:
                raise ValueError(f'fusion mode {self.mode!r} needs the pose '
                                 'maps, got pose=None (give PASNet a pose '
                                 "stream, or use mode 'A')")
            lost = [k for k in self.pose_keys if k not in pose]
            if lost:
                raise ValueError(f'fusion mode {self.mode!r}: pose maps '
                                 f'{lost} missing (got {sorted(pose)})')
            for short, key in POSE_KEYS.items():
                if key in self.pose_keys:
                    maps[short] = self._align(pose[key], x_a.shape[-2:])
        return fuse(self.mode, maps, self.lambdas, self.out_channels,
                    self.conv)


def fuse(mode: str, maps: Mapping[str, torch.Tensor],
         lambdas: tuple[float, ...], out_channels: int,
         conv: nn.Module | None = None) -> torch.Tensor:
    """Eq. 3-11 on aligned maps ``A``, ``I``, ``E``, ``F`` (see the module).

    ``conv`` is the fusion conv of the conv modes.
    """
    l1, l2, l3, l4 = lambdas
    a = maps['A']
    if mode == 'A':
        return a
    if mode == 'I':
        return channel_pool(maps['I'], out_channels)
    if mode == 'E*A':
        return maps['E'] * a
    if mode == 'A+E*A':
        return a + l1 * maps['E'] * a
    if mode == 'A+pool(I)':
        return a + l2 * channel_pool(maps['I'], out_channels)
    if mode == 'A+pool(I)+pool(F)':
        return (a + l3 * channel_pool(maps['I'], out_channels) +
                l4 * channel_pool(maps['F'], out_channels))
    if mode in CONV_MODES and conv is not None:
        inputs = [maps['E'] * a if k == 'EA' else maps[k]
                  for k in MODE_INPUTS[mode]]
        return conv(torch.cat(inputs, 1))
    raise ValueError(f'cannot fuse with mode {mode!r}')
