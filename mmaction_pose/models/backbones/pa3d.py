# Copyright (c) mmaction-pose. All rights reserved.
"""PA3D backbones: the action CNN (Table 1) behind TemporalPoseConv.

Yan, Wang, Li, Qiao, *PA3D: Pose-Action 3D Machine for Video Recognition*,
CVPR 2019, §3.2-§3.3, Table 1 and Table 5 (modality fusion ⊕).

Data flow of one PA3D stream (one pose modality)::

    (N, V, T, H, W) ─ [BN3d(V), features only] ─ TemporalPoseConv
        ─> (N, R=V·R_c, H, W) ─ PA3DActionCNN ─> (N, 512, H/8, W/8)
        ─> unsqueeze(2) ─> (N, 512, 1, H/8, W/8) ─ I3DHead (GAP, dropout, FC-K)

The 5-D output lets MMAction2's ``Recognizer3D`` + ``I3DHead`` implement
Table 1's "average pool, dropout, FC-K" rows unchanged.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
from mmcv.cnn import ConvModule
from mmengine.model import BaseModule
from torch import Tensor, nn

from mmaction_pose.registry import MODELS


@MODELS.register_module()
class PA3DActionCNN(BaseModule):
    """The light 2-D action CNN of PA3D (paper Table 1), trained from scratch.

    Three stages of two 3x3 convolutions each; the first convolution of every
    stage has stride 2: ``conv1_1/1_2`` 128, ``conv2_1/2_2`` 256,
    ``conv3_1/3_2`` 512 channels. Padding 1 and BN + ReLU after every
    convolution are our reading (the paper is silent; PoTion's classifier,
    which the paper follows, uses BN + ReLU). The "FC-512" row of Table 1 is
    the global average pooling of the head, not a layer here.

    Args:
        in_channels: ``R``, channels of the spatio-temporal representation.
        channels: Output channels of the stages.
        convs_per_stage: Convolutions per stage (the paper: 2).
        norm_cfg: Norm layer config.
        act_cfg: Activation config.
        init_cfg: Initialization config (Kaiming for convs by default).
    """

    def __init__(self,
                 in_channels: int,
                 channels: Sequence[int] = (128, 256, 512),
                 convs_per_stage: int = 2,
                 norm_cfg: dict | None = dict(type='BN'),
                 act_cfg: dict | None = dict(type='ReLU', inplace=True),
                 init_cfg: dict | list[dict] | None = dict(
                     type='Kaiming', layer='Conv2d')) -> None:
        super().__init__(init_cfg=init_cfg)
        layers = []
        c_in = in_channels
        for c_out in channels:
            for i in range(convs_per_stage):
                layers.append(
                    ConvModule(c_in, c_out, 3, stride=2 if i == 0 else 1,
                               padding=1, norm_cfg=norm_cfg, act_cfg=act_cfg))
                c_in = c_out
        self.layers = nn.Sequential(*layers)
        self.out_channels = c_in

    def forward(self, x: Tensor) -> Tensor:
        """``(N, R, H, W)`` -> ``(N, 512, ⌈H/8⌉, ⌈W/8⌉)``."""
        return self.layers(x)


# Global (N=6) + dilated (d=2, M=3 per position): the paper's best type.
DEFAULT_TEMPORAL_CFG = dict(global_out=6, dilations=(2, ), dilated_out=3)


def _build_tpc(temporal_cfg: dict | None, num_frames: int) -> nn.Module:
    cfg = dict(type='TemporalPoseConv', num_frames=num_frames)
    cfg.update(DEFAULT_TEMPORAL_CFG if temporal_cfg is None else temporal_cfg)
    return MODELS.build(cfg)


@MODELS.register_module()
class PA3D(BaseModule):
    """One PA3D stream: TemporalPoseConv + action CNN for one pose modality.

    PA3D §3: joints (J), part affinity fields (P), features (F) or their
    temporal differences are each learned by an individual network (Table 5,
    "∪"); this is that network. Temporal pose convolution and the action CNN
    are trained jointly, from scratch.

    Args:
        in_channels: ``V``/``C``, maps per frame of the modality (joints,
            ``2 × limbs`` PAF channels, or feature channels).
        num_frames: ``T`` (``T-1`` for difference modalities).
        temporal_cfg: Keyword arguments of :class:`TemporalPoseConv` (without
            ``num_frames``; ``type`` may swap in another temporal module that
            maps ``(N, V, T, H, W)`` to ``(N, R, H, W)`` and has
            ``out_channels(V)``). ``None``: global ``N=6`` + dilated ``d=2``
            with ``M=3`` per position (Table 3's best type).
        input_norm: BatchNorm3d over the ``V`` input maps before the temporal
            convolution: per-channel normalization of the unbounded feature
            modality (PA3D is silent on it; off for joints / PAF).
        cnn_cfg: Keyword arguments of :class:`PA3DActionCNN` (without
            ``in_channels``); ``None`` is Table 1.
        init_cfg: Initialization config.
    """

    def __init__(self,
                 in_channels: int,
                 num_frames: int,
                 temporal_cfg: dict | None = None,
                 input_norm: bool = False,
                 cnn_cfg: dict | None = None,
                 init_cfg: dict | list[dict] | None = None) -> None:
        super().__init__(init_cfg=init_cfg)
        self.input_norm = nn.BatchNorm3d(in_channels) if input_norm else None
        self.temporal = _build_tpc(temporal_cfg, num_frames)
        self.cnn = PA3DActionCNN(
            self.temporal.out_channels(in_channels), **(cnn_cfg or {}))

    def forward(self, x: Tensor) -> Tensor:
        """Args: x: ``(N, V, T, H, W)``. Returns ``(N, 512, 1, h, w)``."""
        if self.input_norm is not None:
            x = self.input_norm(x)
        return self.cnn(self.temporal(x)).unsqueeze(2)


@MODELS.register_module()
class PA3DModalityConcat(BaseModule):
    """PA3D "⊕" fusion (Table 5): concatenated modalities, one action CNN.

    Every modality keeps its own TemporalPoseConv (its ``V`` and ``T``
    differ), the representations are concatenated along channels and fed to
    a single action CNN. The paper found this worse than score fusion "∪"
    (J⊕P 58.7 vs J∪P 65.6 on JHMDB); it is provided for the ablation. Used
    with MMAction2's ``MMRecognizer3D``: forward arguments are the pipeline's
    ``collect_keys``.

    Args:
        modalities: ``{input key: dict(in_channels=V, num_frames=T,
            temporal_cfg=None, input_norm=False)}``; keys are the
            ``PackActionInputs(collect_keys=...)`` names.
        cnn_cfg: Keyword arguments of :class:`PA3DActionCNN`.
        init_cfg: Initialization config.
    """

    def __init__(self,
                 modalities: dict[str, dict],
                 cnn_cfg: dict | None = None,
                 init_cfg: dict | list[dict] | None = None) -> None:
        super().__init__(init_cfg=init_cfg)
        self.temporal = nn.ModuleDict()
        self.input_norm = nn.ModuleDict()
        channels = 0
        for key, cfg in modalities.items():
            tpc = _build_tpc(cfg.get('temporal_cfg'), cfg['num_frames'])
            self.temporal[key] = tpc
            if cfg.get('input_norm', False):
                self.input_norm[key] = nn.BatchNorm3d(cfg['in_channels'])
            channels += tpc.out_channels(cfg['in_channels'])
        self.cnn = PA3DActionCNN(channels, **(cnn_cfg or {}))

    def forward(self, **inputs: Tensor) -> Tensor:
        """Args: inputs: ``{key: (N, V_k, T_k, H, W)}``.

        Returns ``(N, 512, 1, h, w)``.
        """
        if set(inputs) != set(self.temporal):
            raise KeyError(f'expected inputs {sorted(self.temporal)}, got '
                           f'{sorted(inputs)}')
        reps = []
        for key, tpc in self.temporal.items():
            x = inputs[key]
            if key in self.input_norm:
                x = self.input_norm[key](x)
            reps.append(tpc(x))
        return self.cnn(torch.cat(reps, dim=1)).unsqueeze(2)
