# Copyright (c) mmaction-pose. All rights reserved.
"""BN-Inception, the 2D backbone of TSN, RPAN and ECO/PAS-Net.

The layer specification (kernels, strides, channels, pooling types, ceil-mode
pooling, a bias in every conv) follows the public TSN model:
``tf_model_zoo/bninception/bn_inception.yaml`` of yjxiong/tsn-pytorch and
its Python port ``pretrainedmodels/models/bninception.py`` of
Cadene/pretrained-models.pytorch (BSD-3-Clause). The code is our own. The
public layer names are kept inside a module tree, so a public checkpoint
maps onto it with a regular key map
(:mod:`mmaction_pose.models.checkpoint_converters.bn_inception`):

    conv1_7x7_s2.weight                -> conv1_7x7_s2.conv.weight
    conv1_7x7_s2_bn.running_var        -> conv1_7x7_s2.bn.running_var
    inception_3a_double_3x3_1.bias     -> inception_3a.double_3x3_1.conv.bias
    inception_3a_double_3x3_1_bn.bias  -> inception_3a.double_3x3_1.bn.bias
"""
from __future__ import annotations

import warnings
from typing import NamedTuple

import torch
import torch.nn as nn
import torch.nn.functional as F
from mmcv.cnn import ConvModule
from mmengine.logging import print_log
from mmengine.model import BaseModule
from mmengine.model.weight_init import constant_init, kaiming_init
from mmengine.utils.dl_utils.parrots_wrapper import _BatchNorm

from mmaction.utils import OptConfigType, OptMultiConfig
from mmaction_pose.registry import MODELS


class BlockSpec(NamedTuple):
    """Output channels of one inception block of the public model.

    A *reduction* block (3c, 4e) has no 1x1 branch and no pool projection
    (``c1x1 == pool_proj == 0``): its stride-2 max pool passes the input
    channels through.
    """

    c1x1: int
    c3x3_reduce: int
    c3x3: int
    double_reduce: int
    double: int
    pool: str  # 'avg' | 'max' (stride 1, pad 1) | 'reduce' (max, stride 2)
    pool_proj: int


#: ``(name, out_channels, kernel, stride)`` of the stem convs.
STEM = (('conv1_7x7_s2', 64, 7, 2), ('conv2_3x3_reduce', 64, 1, 1),
        ('conv2_3x3', 192, 3, 1))
#: The 3x3/2 ceil-mode max pools after these stem convs.
STEM_POOLS = {'conv1_7x7_s2': 'pool1_3x3_s2', 'conv2_3x3': 'pool2_3x3_s2'}
#: The ten inception blocks, in order (bn_inception.yaml).
BLOCKS: dict[str, BlockSpec] = {
    'inception_3a': BlockSpec(64, 64, 64, 64, 96, 'avg', 32),
    'inception_3b': BlockSpec(64, 64, 96, 64, 96, 'avg', 64),
    'inception_3c': BlockSpec(0, 128, 160, 64, 96, 'reduce', 0),
    'inception_4a': BlockSpec(224, 64, 96, 96, 128, 'avg', 128),
    'inception_4b': BlockSpec(192, 96, 128, 96, 128, 'avg', 128),
    'inception_4c': BlockSpec(160, 128, 160, 128, 160, 'avg', 128),
    'inception_4d': BlockSpec(96, 128, 192, 160, 192, 'avg', 128),
    'inception_4e': BlockSpec(0, 128, 192, 192, 256, 'reduce', 0),
    'inception_5a': BlockSpec(352, 192, 320, 160, 224, 'avg', 128),
    'inception_5b': BlockSpec(352, 192, 320, 192, 224, 'max', 128),
}
#: ECO's 2D front end ends at this conv (96 x 28 x 28 for 224 input).
ECO_LAYER = 'inception_3c_double_3x3_1'
OUT_LAYERS = tuple(BLOCKS) + (ECO_LAYER, )


def block_convs(spec: BlockSpec,
                stride: int = 2) -> list[list[tuple[str, int, int, int]]]:
    """The conv branches of a block, ``[[(name, out, kernel, stride)]]``.

    The order is the public model's concatenation order (1x1, 3x3, double
    3x3); the pool branch comes last. ``stride`` applies to the last conv of
    each branch of a reduction block.
    """
    s = stride if spec.pool == 'reduce' else 1
    branches = [] if spec.pool == 'reduce' else [[('1x1', spec.c1x1, 1, 1)]]
    branches.append([('3x3_reduce', spec.c3x3_reduce, 1, 1),
                     ('3x3', spec.c3x3, 3, s)])
    branches.append([('double_3x3_reduce', spec.double_reduce, 1, 1),
                     ('double_3x3_1', spec.double, 3, 1),
                     ('double_3x3_2', spec.double, 3, s)])
    return branches


def bninception_layer_map() -> dict[str, str]:
    """``{public conv name: module path in BNInception}`` of the full model.

    E.g. ``'inception_3a_pool_proj' -> 'inception_3a.pool_proj'``. Each
    conv's BN is the public name plus ``_bn``.
    """
    out = {name: name for name, *_ in STEM}
    for block, spec in BLOCKS.items():
        names = [c[0] for branch in block_convs(spec) for c in branch]
        if spec.pool_proj:
            names.append('pool_proj')
        out.update({f'{block}_{n}': f'{block}.{n}' for n in names})
    return out


def conv_bn_relu(in_channels: int, out_channels: int, kernel: int,
                 stride: int, norm_cfg: dict) -> ConvModule:
    """Conv with bias + BN + ReLU, as every conv of the public model."""
    with warnings.catch_warnings():
        # The public weights have the bias that mmcv warns about.
        warnings.filterwarnings('ignore', 'Unnecessary conv bias')
        return ConvModule(in_channels, out_channels, kernel, stride=stride,
                          padding=kernel // 2, bias=True, norm_cfg=norm_cfg)


class ReductionMaxPool(nn.Module):
    """The 3x3 max-pool branch of a reduction block (3c, 4e).

    With stride 2 this is the public ceil-mode pool. The public model only
    runs when the input side is even (else the pool gives one row fewer
    than the stride-2 convs: at 240x320 input, 4e sees 15x20, its convs give
    8x10, its pool 7x10, and the concatenation fails, in Caffe as in
    PyTorch). We pad an odd side with one ``-inf`` row/column at the end, so
    the pool matches the convs; even sides are unchanged.
    """

    def __init__(self, stride: int) -> None:
        super().__init__()
        self.stride = stride

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(N, C, H, W) -> (N, C, ceil(H / s), ceil(W / s))``."""
        if self.stride == 1:
            return F.max_pool2d(x, 3, 1, 1)
        h, w = x.shape[-2:]
        if h % 2 or w % 2:
            x = F.pad(x, (0, w % 2, 0, h % 2), value=float('-inf'))
        return F.max_pool2d(x, 3, 2, ceil_mode=True)


class InceptionBlock(nn.Module):
    """One BN-Inception block (BN paper Fig. 5; TSN's Caffe model).

    Every conv is conv (with bias) + BN + ReLU. The branches are
    concatenated in the public order: 1x1, 3x3, double 3x3, pool.

    Args:
        in_channels: Input channels.
        spec: Output channels of the public model.
        width_mult: Scale of every conv's output channels.
        stride: Stride of a reduction block (2 in the public model).
        norm_cfg: Normalisation config of every conv.
        stop_at: Build and compute only the branch up to this conv and
            return its output (ECO's ``double_3x3_1`` point of 3c).
    """

    def __init__(self,
                 in_channels: int,
                 spec: BlockSpec,
                 width_mult: float = 1.0,
                 stride: int = 2,
                 norm_cfg: OptConfigType = None,
                 stop_at: str | None = None) -> None:
        super().__init__()
        norm_cfg = norm_cfg or dict(type='BN')
        self.branch_names: list[list[str]] = []
        out_channels = 0
        for branch in block_convs(spec, stride):
            names = [c[0] for c in branch]
            if stop_at is not None:
                if stop_at not in names:
                    continue
                branch = branch[:names.index(stop_at) + 1]
            c_in = in_channels
            for name, c_out, k, s in branch:
                c_out = scale_channels(c_out, width_mult)
                self.add_module(name,
                                conv_bn_relu(c_in, c_out, k, s, norm_cfg))
                c_in = c_out
            self.branch_names.append([c[0] for c in branch])
            out_channels += c_in
        if stop_at is not None and not self.branch_names:
            raise ValueError(f'no conv {stop_at!r} in the block')
        self.pool: nn.Module | None = None
        self.pool_proj: ConvModule | None = None
        if stop_at is None:
            if spec.pool == 'avg':
                self.pool = nn.AvgPool2d(3, 1, padding=1, ceil_mode=True,
                                         count_include_pad=True)
            elif spec.pool == 'max':
                self.pool = nn.MaxPool2d(3, 1, padding=1, ceil_mode=True)
            else:
                self.pool = ReductionMaxPool(stride)
            if spec.pool_proj:
                c_out = scale_channels(spec.pool_proj, width_mult)
                self.pool_proj = conv_bn_relu(in_channels, c_out, 1, 1,
                                              norm_cfg)
                out_channels += c_out
            else:
                out_channels += in_channels
        self.out_channels = out_channels

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """``(N, C_in, H, W) -> (N, out_channels, H / s, W / s)``."""
        outs = []
        for names in self.branch_names:
            y = x
            for name in names:
                y = getattr(self, name)(y)
            outs.append(y)
        if self.pool is not None:
            y = self.pool(x)
            outs.append(y if self.pool_proj is None else self.pool_proj(y))
        return outs[0] if len(outs) == 1 else torch.cat(outs, 1)


def scale_channels(channels: int, width_mult: float) -> int:
    """``round(channels * width_mult)``, at least 8 (exact at 1.0)."""
    if width_mult == 1.0:
        return channels
    return max(8, int(round(channels * width_mult)))


@MODELS.register_module()
class BNInception(BaseModule):
    """BN-Inception as in TSN, RPAN and ECO (a 2D per-frame backbone).

    Ioffe and Szegedy, "Batch Normalization: Accelerating Deep Network
    Training by Reducing Internal Covariate Shift", ICML 2015
    (https://arxiv.org/abs/1502.03167), Sec. 4.2 and Fig. 5, in the layout
    of the public TSN model (Wang et al., ECCV 2016,
    https://arxiv.org/abs/1608.00859, Sec. 3.3)::

        conv1_7x7_s2 (64) + pool1 3x3/2 (ceil)    (N,   64, H/4,  W/4)
        conv2_3x3_reduce (64), conv2_3x3 (192)
        + pool2 3x3/2 (ceil)                      (N,  192, H/8,  W/8)
        inception_3a, 3b                          (N,  320, H/8,  W/8)
        inception_3c (reduction, stride 2)        (N,  576, H/16, W/16)
        inception_4a .. 4d                        (N,  608, H/16, W/16)
        inception_4e (reduction, stride 2)        (N, 1056, H/32, W/32)
        inception_5a, 5b                          (N, 1024, H/32, W/32)

    RPAN (Du et al., ICCV 2017, Sec. 3.1) takes the 5a cube (1024 x 8 x 10
    at 240 x 320); ECO (Zolfaghari et al., ECCV 2018, Sec. 3) stops at
    ``inception_3c_double_3x3_1`` (96 x 28 x 28 at 224 x 224).

    Differences from the public model:

    * ``out_stride=16`` gives 4e stride 1 (its 3x3 convs and its max pool,
      pad 1), so 5a and 5b run at stride 16 without dilation: our
      deviation for small CPU-sized inputs and finer attention grids.
    * An odd input side of a reduction block (e.g. 240 px, which reaches 4e
      as 15 rows) crashes the public model; see :class:`ReductionMaxPool`.
    * BN momentum is PyTorch's 0.1 (tf_model_zoo's; Cadene's port says 0.9,
      a Caffe-convention slip); eps is 1e-5 in all of them.

    Parameters (no classifier, width_mult 1): 10,270,240 to 5b.

    Args:
        in_channels: Input channels (3 RGB; 10 for TSN's 5 stacked flow
            frames).
        width_mult: Scale of every conv's output channels (rounded, at least
            8). 1.0 is the public model; only then do public weights load.
        out_layer: Last layer computed: an inception block
            (``'inception_3a'`` .. ``'inception_5b'``) or
            ``'inception_3c_double_3x3_1'`` (ECO).
        out_stride: 32 (public) or 16 (4e without stride).
        frozen: No gradients anywhere and BN kept in eval mode.
        norm_eval: Keep BN in eval mode during training.
        pretrained: Checkpoint path or URL in our key names or in the public
            TSN / tf_model_zoo / Cadene / mmaction 0.x names (converted
            automatically). If its conv1 has other input channels than
            ``in_channels``, TSN's cross-modality init is applied. Loaded by
            :meth:`init_weights`.
        norm_cfg: Normalisation config; ``None`` means BN.
        init_cfg: Alternative to ``pretrained``; ``None`` means Kaiming convs
            and unit BN.

    Returns:
        Features of ``out_layer``, ``(N, C_out, H / stride, W / stride)``,
        e.g. ``(N, 1024, 8, 10)`` for 5a at 240 x 320.
    """

    def __init__(self,
                 in_channels: int = 3,
                 width_mult: float = 1.0,
                 out_layer: str = 'inception_5a',
                 out_stride: int = 32,
                 frozen: bool = False,
                 norm_eval: bool = False,
                 pretrained: str | None = None,
                 norm_cfg: OptConfigType = None,
                 init_cfg: OptMultiConfig = None) -> None:
        super().__init__(init_cfg=init_cfg)
        if out_layer not in OUT_LAYERS:
            raise ValueError(f'out_layer must be one of {OUT_LAYERS}, got '
                             f'{out_layer!r}')
        if out_stride not in (16, 32):
            raise ValueError(f'out_stride must be 16 or 32, got {out_stride}')
        if width_mult <= 0:
            raise ValueError(f'width_mult must be > 0, got {width_mult}')
        if pretrained is not None and init_cfg is not None:
            raise ValueError('give pretrained or init_cfg, not both')
        norm_cfg = norm_cfg or dict(type='BN')
        self.in_channels = in_channels
        self.width_mult = width_mult
        self.out_layer = out_layer
        self.out_stride = out_stride
        self.frozen = frozen
        self.norm_eval = norm_eval
        self.pretrained = pretrained

        self.layer_names: list[str] = []
        c_in = in_channels
        for name, c_out, k, s in STEM:
            c_out = scale_channels(c_out, width_mult)
            self.add_module(name, conv_bn_relu(c_in, c_out, k, s, norm_cfg))
            self.layer_names.append(name)
            if name in STEM_POOLS:
                self.add_module(STEM_POOLS[name],
                                nn.MaxPool2d(3, 2, ceil_mode=True))
                self.layer_names.append(STEM_POOLS[name])
            c_in = c_out
        for block, spec in BLOCKS.items():
            eco = out_layer == ECO_LAYER and block == 'inception_3c'
            stride = 1 if block == 'inception_4e' and out_stride == 16 else 2
            module = InceptionBlock(c_in, spec, width_mult, stride, norm_cfg,
                                    stop_at='double_3x3_1' if eco else None)
            self.add_module(block, module)
            self.layer_names.append(block)
            c_in = module.out_channels
            if block == out_layer or eco:
                break
        self.out_channels = c_in
        if frozen:
            for param in self.parameters():
                param.requires_grad = False

    def init_weights(self) -> None:
        """Load ``pretrained``, else ``init_cfg``, else Kaiming + unit BN."""
        if self.pretrained is not None:
            self.load_pretrained(self.pretrained)
        elif self.init_cfg is not None:
            super().init_weights()
        else:
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    kaiming_init(m)
                elif isinstance(m, _BatchNorm):
                    constant_init(m, 1)

    def load_pretrained(self, path: str) -> None:
        """Load a checkpoint in our or the public key names.

        Layers of the public model after ``out_layer`` are skipped.

        Raises:
            KeyError: on weights of the model missing in the checkpoint.
            ValueError: on a shape mismatch (e.g. ``width_mult != 1``), or on
                a checkpoint key of no BN-Inception layer (the converter).
        """
        from mmengine.runner import CheckpointLoader

        from ..checkpoint_converters.bn_inception import (
            convert_bninception_state_dict, cross_modality_init)
        ckpt = CheckpointLoader.load_checkpoint(path, map_location='cpu')
        state = ckpt.get('state_dict', ckpt)
        state = convert_bninception_state_dict(state)
        own = self.state_dict()
        skipped = [k for k in state if k not in own]
        conv1 = 'conv1_7x7_s2.conv.weight'
        if conv1 in state and state[conv1].shape[1] != self.in_channels:
            state[conv1] = cross_modality_init(state[conv1],
                                               self.in_channels)
            print_log(f'{path}: conv1 averaged over its input channels and '
                      f'repeated {self.in_channels} times (TSN cross-'
                      'modality init)', logger='current')
        missing = [k for k in own if k not in state]
        if missing:
            raise KeyError(f'{path}: {len(missing)} weights missing, e.g. '
                           f'{missing[:3]}')
        bad = [(k, tuple(state[k].shape), tuple(v.shape))
               for k, v in own.items() if state[k].shape != v.shape]
        if bad:
            raise ValueError(f'{path}: {len(bad)} shape mismatches, e.g. '
                             f'{bad[0][0]}: checkpoint {bad[0][1]}, model '
                             f'{bad[0][2]} (public weights need '
                             'width_mult=1.0)')
        self.load_state_dict({k: state[k] for k in own}, strict=True)
        if skipped:
            print_log(f'{path}: skipped {len(skipped)} weights of layers '
                      f'after {self.out_layer}', logger='current')

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        """Per-frame features.

        Args:
            x: Frames ``(N, C_in, H, W)`` (TSN: BGR, mean 104/117/128, std 1).

        Returns:
            ``(N, out_channels, H', W')`` of ``out_layer``.
        """
        for name in self.layer_names:
            x = getattr(self, name)(x)
        return x

    def train(self, mode: bool = True) -> BNInception:
        """Set train mode; BN stays in eval if ``frozen`` or ``norm_eval``."""
        super().train(mode)
        if mode and (self.frozen or self.norm_eval):
            for m in self.modules():
                if isinstance(m, _BatchNorm):
                    m.eval()
        return self
