# Copyright (c) mmaction-pose. All rights reserved.
"""PAS-Net, the pose- and appearance-based spatiotemporal network (Eq. 1).

PAS-Net ("PAS-Net: pose-based and appearance-based spatiotemporal
network"), Sec. III, Eq. 1::

    PAS-Net(V) = N_st(N_fuse([N_rgb(T_1), N_pose(T_1)], ...,
                             [N_rgb(T_K), N_pose(T_K)]))

``docs/papers/pasnet.md`` Sec. 2.1 and 7. Per frame, the appearance stream
(ECO's BN-Inception to ``inception_3c_double_3x3_1``,
:class:`BNInception`) and the pose stream (:class:`OpenPoseVGG19`) give
stride-8 maps, :class:`PoseAppearanceFusion` fuses them, the K fused maps
are stacked in time in frame order and :class:`ECO3DResNet18` turns them
into a 5D map for MMAction2's ``I3DHead`` (3D global pooling, dropout 0.3,
FC) under ``Recognizer3D``. Without a pose stream and with fusion ``'A'``
this is ECO-Lite (twice-finetune's stage 1, Sec. III-C).

Input normalisation. The data preprocessor passes 0-255 pixels (``mean``
and ``std`` None) in ``input_order`` (RGB from MMAction2's decoders).
:class:`BNInception` takes normalised frames, so this wrapper gives the
appearance stream TSN / ECO's Caffe input: BGR, minus ``appearance_mean``
(104, 117, 128 in BGR order), divided by ``appearance_std`` (1).
:class:`OpenPoseVGG19` normalises its own copy of the frames (BGR,
``x / 256 - 0.5``); its ``input_order`` defaults to this one.
"""
from __future__ import annotations

import copy

import torch
from mmengine.logging import print_log
from mmengine.model import BaseModule

from mmaction.utils import ConfigType, OptConfigType, OptMultiConfig
from mmaction_pose.registry import MODELS
from .bn_inception import ECO_LAYER
from .eco_3d_resnet import check_num_frames

#: TSN / ECO's BGR Caffe mean and std of the appearance stream.
CAFFE_MEAN_BGR = (104., 117., 128.)
CAFFE_STD = (1., 1., 1.)


def caffe_normalise(x: torch.Tensor, mean: tuple[float, ...],
                    std: tuple[float, ...], input_order: str) -> torch.Tensor:
    """0-255 ``(N, 3, H, W)`` frames -> BGR ``(x - mean) / std``.

    ``mean`` and ``std`` are in BGR order.
    """
    if input_order == 'rgb':
        x = x.flip(1)
    mean_t = x.new_tensor(mean).view(1, -1, 1, 1)
    std_t = x.new_tensor(std).view(1, -1, 1, 1)
    return (x - mean_t) / std_t


@MODELS.register_module()
class PASNet(BaseModule):
    """PAS-Net backbone: 2D appearance + pose streams, fusion, 3D net.

    Args:
        appearance: Config of the appearance stream, a :class:`BNInception`
            (``out_layer`` defaults to ``'inception_3c_double_3x3_1'`` and
            ``norm_eval`` to True: ECO's frozen 2D BN).
        pose: Config of the pose stream (:class:`OpenPoseVGG19`) or None:
            plain ECO-Lite (stage 1 of twice-finetune).
        fusion: Config of :class:`PoseAppearanceFusion`; ``None`` means mode
            ``'A'`` without a pose stream and ``'A+pool(I)+pool(F)'`` with
            one. Its ``in_channels`` and ``out_channels`` default to those
            of the streams (x_A's channels out).
        st: Config of the 3D net (:class:`ECO3DResNet18`); ``in_channels``
            defaults to the fusion's ``out_channels``.
        input_order: Channel order of the input, ``'rgb'`` or ``'bgr'``.
        appearance_mean: BGR mean subtracted from the appearance input.
        appearance_std: BGR std dividing the appearance input.
        eco_pretrained: ECO-Lite checkpoint for the appearance stream and
            the 3D net, public (``module.base_model.*``) or ours (a PAS-Net /
            ECO recognizer); loaded by :meth:`init_weights`. The pose stream
            takes its own ``pretrained``.
        init_cfg: Passed to ``BaseModule``.
    """

    def __init__(self,
                 appearance: OptConfigType = None,
                 pose: OptConfigType = None,
                 fusion: OptConfigType = None,
                 st: OptConfigType = None,
                 input_order: str = 'rgb',
                 appearance_mean: tuple[float, ...] = CAFFE_MEAN_BGR,
                 appearance_std: tuple[float, ...] = CAFFE_STD,
                 eco_pretrained: str | None = None,
                 init_cfg: OptMultiConfig = None) -> None:
        super().__init__(init_cfg=init_cfg)
        if input_order not in ('rgb', 'bgr'):
            raise ValueError(f"input_order must be 'rgb' or 'bgr', got "
                             f'{input_order!r}')
        self.input_order = input_order
        self.appearance_mean = tuple(appearance_mean)
        self.appearance_std = tuple(appearance_std)
        self.eco_pretrained = eco_pretrained

        app_cfg = _cfg(appearance, 'BNInception')
        app_cfg.setdefault('out_layer', ECO_LAYER)
        app_cfg.setdefault('norm_eval', True)
        self.appearance = MODELS.build(app_cfg)
        self.pose = None
        if pose is not None:
            pose_cfg = _cfg(pose, 'OpenPoseVGG19')
            pose_cfg.setdefault('input_order', input_order)
            self.pose = MODELS.build(pose_cfg)

        c_a = self.appearance.out_channels
        fusion_cfg = _cfg(fusion, 'PoseAppearanceFusion')
        if fusion is None and self.pose is None:
            fusion_cfg['mode'] = 'A'
        if self.pose is not None:
            c_p = self.pose.out_channels
            fusion_cfg.setdefault('in_channels', dict(A=c_a, I=c_p, F=c_p))
        else:
            fusion_cfg.setdefault('in_channels', dict(A=c_a))
        fusion_cfg.setdefault('out_channels', c_a)
        self.fusion = MODELS.build(fusion_cfg)
        if self.fusion.pose_keys and self.pose is None:
            raise ValueError(f'fusion mode {self.fusion.mode!r} needs a pose '
                             "stream: give `pose` or use mode 'A'")
        _check_channels(self.fusion.in_channels, c_a, self.pose)

        st_cfg = _cfg(st, 'ECO3DResNet18')
        st_cfg.setdefault('in_channels', self.fusion.out_channels)
        self.st = MODELS.build(st_cfg)
        if self.st.in_channels != self.fusion.out_channels:
            raise ValueError(f'st in_channels ({self.st.in_channels}) must '
                             'equal the fusion out_channels '
                             f'({self.fusion.out_channels})')
        self.out_channels = self.st.out_channels

    def init_weights(self) -> None:
        """Initialise the sub-networks, then load ``eco_pretrained``."""
        super().init_weights()
        if self.eco_pretrained is not None:
            self.load_eco(self.eco_pretrained)

    def load_eco(self, path: str) -> None:
        """Load an ECO-Lite checkpoint into ``appearance`` and ``st``.

        Raises:
            KeyError / ValueError: on missing weights or shape mismatches
                (:func:`..checkpoint_converters.loading.load_converted`).
        """
        from mmengine.runner import CheckpointLoader

        from ..checkpoint_converters.eco_lite import map_eco_lite_state_dict
        from ..checkpoint_converters.loading import load_converted
        ckpt = CheckpointLoader.load_checkpoint(path, map_location='cpu')
        state, dropped = map_eco_lite_state_dict(ckpt.get('state_dict', ckpt))
        for name in ('appearance', 'st'):
            prefix = f'backbone.{name}.'
            part = {k[len(prefix):]: v for k, v in state.items()
                    if k.startswith(prefix)}
            load_converted(getattr(self, name), part, path,
                           ' (public weights need width_mult=1.0)')
        print_log(f'{path}: ECO-Lite weights loaded into appearance and st; '
                  f'{len(dropped)} tensors of other layers dropped',
                  logger='current')

    def extract_pose(self, frames: torch.Tensor
                     ) -> dict[str, torch.Tensor] | None:
        """The pose stream's maps of ``(N, 3, H, W)`` frames (or None)."""
        return None if self.pose is None else self.pose(frames)

    def forward(self, imgs: torch.Tensor) -> torch.Tensor:
        """``(B, 3, K, H, W)`` 0-255 clips -> ``(B, C, K/4, H/32, W/32)``.

        The 2D streams see the B * K frames independently; the fused maps
        are stacked in time in frame order.

        Raises:
            ValueError: if K is not divisible by 4.
        """
        b, c, k, h, w = imgs.shape
        check_num_frames(k)
        frames = imgs.transpose(1, 2).reshape(b * k, c, h, w)
        x_a = self.appearance(
            caffe_normalise(frames, self.appearance_mean, self.appearance_std,
                            self.input_order))
        fused = self.fusion(x_a, self.extract_pose(frames))
        fused = fused.reshape(b, k, *fused.shape[1:]).transpose(1, 2)
        return self.st(fused.contiguous())


def _cfg(cfg: OptConfigType, default_type: str) -> dict:
    """A copy of ``cfg`` (``None``: ``dict(type=default_type)``)."""
    out = copy.deepcopy(dict(cfg)) if cfg is not None else {}
    out.setdefault('type', default_type)
    return out


def _check_channels(channels: ConfigType, c_a: int, pose) -> None:
    """The fusion's ``in_channels`` must be the streams' channels."""
    want = dict(A=c_a)
    if pose is not None:
        want.update(I=pose.out_channels, F=pose.out_channels)
    bad = {k: (channels[k], v) for k, v in want.items() if channels[k] != v}
    if bad:
        raise ValueError('fusion in_channels do not match the streams: ' +
                         ', '.join(f'{k}: fusion {got}, stream {v}'
                                   for k, (got, v) in bad.items()))
