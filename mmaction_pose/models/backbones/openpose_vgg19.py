# Copyright (c) mmaction-pose. All rights reserved.
"""OpenPose's 6-stage VGG-19 network, the Pose ConvNet ``N_pose`` of PAS-Net.

PAS-Net ("PAS-Net: pose-based and appearance-based spatiotemporal
network"), Sec. III-A "Pose ConvNet": "utilizes VGG-19 architecture to
capture robust pose features, the initialized weights of which come from
Openpose [2]. We use the feature maps of the 6th stage as the pose
information" (``docs/papers/pasnet.md`` Sec. 2.2). The network is the COCO
body model of Cao et al., "Realtime Multi-Person 2D Pose Estimation using
Part Affinity Fields", CVPR 2017 (``pose_deploy_linevec.prototxt``)::

    model0    VGG-19 conv1_1 .. conv4_2 (3 max pools), conv4_3_CPM (256),
              conv4_4_CPM (128): F                     (N, 128, H/8, W/8)
    model1_b  conv5_1..3_CPM_Lb (3x3, 128), conv5_4_CPM_Lb (1x1, 512),
              conv5_5_CPM_Lb (1x1; 38 PAFs for b=1, 19 heatmaps for b=2)
    modelt_b  t = 2..6, input cat(L1, L2, F) (185 channels):
              Mconv1..5_staget_Lb (7x7, 128), Mconv6_staget_Lb (1x1, 128),
              Mconv7_staget_Lb (1x1, 38 | 19)

Every conv has a bias and a ReLU, except the last of each stage branch.
The module tree is that of the common PyTorch port (Hzzone/pytorch-openpose
``bodypose_model``: ``model0.conv1_1.weight``, ``model2_2.Mconv1_stage2_L2.
bias``); its file ``body_pose_model.pth`` stores the flat Caffe names
(``conv1_1.weight``), which :mod:`..checkpoint_converters.openpose` maps.
Two differences from that port: the max pools use Caffe's ceil mode (equal
at sides divisible by 8, the only ones OpenPose feeds it), and
``Mconv7_stage6_L2`` has no ReLU (the port's list of ReLU-free layers names
``Mconv7_stage6_L1`` twice instead; the Caffe model has none).

PAS-Net's three pose inputs (detection branch = L2, association = L1):

* ``implicit`` x_I = ``Mconv6_stage6_L2`` after ReLU (128 channels);
* ``paf`` x_F = ``Mconv6_stage6_L1`` after ReLU (128 channels);
* ``explicit`` x_E = max over the channels of ``Mconv7_stage6_L2``; by
  default over the 18 keypoints only, without the background channel 18
  (spec Sec. 6.4: with it x_E is ~1 away from people).
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.utils.checkpoint as cp
from mmengine.logging import print_log
from mmengine.model import BaseModule
from mmengine.model.weight_init import kaiming_init

from mmaction.utils import OptMultiConfig
from mmaction_pose.registry import MODELS
from .bn_inception import scale_channels

#: ``(name, out_channels, kernel)`` of the trunk ``model0``.
TRUNK = (('conv1_1', 64, 3), ('conv1_2', 64, 3), ('conv2_1', 128, 3),
         ('conv2_2', 128, 3), ('conv3_1', 256, 3), ('conv3_2', 256, 3),
         ('conv3_3', 256, 3), ('conv3_4', 256, 3), ('conv4_1', 512, 3),
         ('conv4_2', 512, 3), ('conv4_3_CPM', 256, 3),
         ('conv4_4_CPM', 128, 3))
#: A 2x2/2 max pool follows each of these convs (stride 8 in all).
TRUNK_POOLS = ('conv1_2', 'conv2_2', 'conv3_4')


def stage_layers(stage: int, branch: int,
                 out_channels: int) -> list[tuple[str, int, int]]:
    """``[(name, out_channels, kernel)]`` of branch ``L<branch>`` of a stage.

    Branch 1 predicts the PAFs, branch 2 the heatmaps; ``out_channels`` is
    the last conv's (38 or 19 for COCO).
    """
    if stage == 1:
        names = [f'conv5_{i}_CPM_L{branch}' for i in range(1, 6)]
        widths, kernels = (128, 128, 128, 512), (3, 3, 3, 1, 1)
    else:
        names = [f'Mconv{i}_stage{stage}_L{branch}' for i in range(1, 8)]
        widths, kernels = (128, ) * 6, (7, ) * 5 + (1, 1)
    return list(zip(names, widths + (out_channels, ), kernels))


def openpose_layer_map(num_stages: int = 6) -> dict[str, str]:
    """``{public conv name: block}``, e.g. ``'Mconv1_stage2_L2' ->
    'model2_2'`` and ``'conv1_1' -> 'model0'``."""
    out = {name: 'model0' for name, _, _ in TRUNK}
    for t in range(1, num_stages + 1):
        for b in (1, 2):
            out.update({name: f'model{t}_{b}'
                        for name, _, _ in stage_layers(t, b, 1)})
    return out


def openpose_normalise(x: torch.Tensor, input_order: str) -> torch.Tensor:
    """OpenPose's input: BGR, ``x / 256 - 0.5``, from 0-255 pixels."""
    if input_order == 'rgb':
        x = x.flip(1)
    return x / 256. - 0.5


class ConvChain(nn.Module):
    """Convs (bias, ReLU) in sequence; optional 2x2 max pools after some.

    Returns ``(features, output)``: the last conv's input (after the ReLU
    before it) and its output (ReLU only if ``relu_last``).
    """

    def __init__(self, in_channels: int, layers: list[tuple[str, int, int]],
                 relu_last: bool, pools: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.names = [name for name, _, _ in layers]
        self.relu_last = relu_last
        self.pools = set(pools)
        c_in = in_channels
        for name, c_out, k in layers:
            self.add_module(name, nn.Conv2d(c_in, c_out, k, 1, k // 2))
            c_in = c_out
        self.out_channels = c_in

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``(N, C, H, W)`` -> ``(features, output)``."""
        feat = x
        for i, name in enumerate(self.names):
            feat = x
            x = getattr(self, name)(x)
            if self.relu_last or i < len(self.names) - 1:
                x = F.relu(x, inplace=True)
            if name in self.pools:
                x = F.max_pool2d(x, 2, 2, ceil_mode=True)
        return feat, x


@MODELS.register_module()
class OpenPoseVGG19(BaseModule):
    """OpenPose COCO body network (VGG-19 + ``num_stages`` stages), 2D.

    Parameters (6 stages, width_mult 1): 52,311,446, as the public model.

    Args:
        num_stages: Stages computed (1..6; 6 in OpenPose and PAS-Net).
            With 1 stage, ``implicit``/``paf`` are ``conv5_4_CPM_L2/L1``.
        num_heatmaps: Heatmap channels (COCO: 18 keypoints + background).
        num_pafs: PAF channels (COCO: 19 limbs x (x, y)).
        exclude_background: ``explicit`` is the max over the first
            ``num_heatmaps - 1`` channels (the last is the background).
        width_mult: Scale of every conv's output channels except the
            heatmap / PAF outputs (rounded, at least 8); only 1.0 loads the
            public weights.
        with_cp: Activation checkpointing of the trunk and of every stage
            branch (same numbers, less memory, more compute).
        input_order: ``'rgb'`` (MMAction2 decoders; flipped to BGR here) or
            ``'bgr'``. The input is 0-255 pixels, normalised here.
        pretrained: Checkpoint in the public port's names (flat Caffe names
            or ``model0.*`` ones) or ours (also inside a PAS-Net / recognizer
            checkpoint); converted and loaded by :meth:`init_weights`.
        init_cfg: Alternative to ``pretrained``; ``None`` means Kaiming
            (fan-out) convs with zero bias (OpenPose itself starts from
            ImageNet VGG-19; its prototxt's N(0, 0.01) makes the signal
            vanish through 13 plain convs when training from scratch).
        return_all_stages: Also return every stage's heatmaps and PAFs
            (``stage_heatmaps`` / ``stage_pafs``, stage 1 first), for
            OpenPose's intermediate supervision (Cao et al., Sec. 2.1,
            Eq. 5; see ``OpenPosePretrainer``).
    """

    def __init__(self,
                 num_stages: int = 6,
                 num_heatmaps: int = 19,
                 num_pafs: int = 38,
                 exclude_background: bool = True,
                 width_mult: float = 1.0,
                 with_cp: bool = False,
                 input_order: str = 'rgb',
                 pretrained: str | None = None,
                 init_cfg: OptMultiConfig = None,
                 return_all_stages: bool = False) -> None:
        super().__init__(init_cfg=init_cfg)
        if not 1 <= num_stages <= 6:
            raise ValueError(f'num_stages must be 1..6, got {num_stages}')
        if input_order not in ('rgb', 'bgr'):
            raise ValueError(f"input_order must be 'rgb' or 'bgr', got "
                             f'{input_order!r}')
        if width_mult <= 0:
            raise ValueError(f'width_mult must be > 0, got {width_mult}')
        if pretrained is not None and init_cfg is not None:
            raise ValueError('give pretrained or init_cfg, not both')
        self.num_stages = num_stages
        self.num_heatmaps = num_heatmaps
        self.num_pafs = num_pafs
        self.exclude_background = exclude_background
        self.width_mult = width_mult
        self.return_all_stages = return_all_stages
        self.with_cp = with_cp
        self.input_order = input_order
        self.pretrained = pretrained

        def scaled(layers, keep_last=False):
            return [(n, c if keep_last and i == len(layers) - 1 else
                     scale_channels(c, width_mult), k)
                    for i, (n, c, k) in enumerate(layers)]

        self.model0 = ConvChain(3, scaled(TRUNK), relu_last=True,
                                pools=TRUNK_POOLS)
        trunk = self.model0.out_channels
        c_in = trunk
        for t in range(1, num_stages + 1):
            for b, out in ((1, num_pafs), (2, num_heatmaps)):
                layers = scaled(stage_layers(t, b, out), keep_last=True)
                self.add_module(f'model{t}_{b}',
                                ConvChain(c_in, layers, relu_last=False))
            c_in = num_pafs + num_heatmaps + trunk
        #: Channels of ``implicit`` and ``paf`` (128 for the public model).
        self.out_channels = layers[-2][1]

    def init_weights(self) -> None:
        """Load ``pretrained``, else ``init_cfg``, else Kaiming convs."""
        if self.pretrained is not None:
            self.load_pretrained(self.pretrained)
        elif self.init_cfg is not None:
            super().init_weights()
        else:
            for m in self.modules():
                if isinstance(m, nn.Conv2d):
                    kaiming_init(m, bias=0)

    def load_pretrained(self, path: str) -> None:
        """Load a public or our checkpoint; later stages are skipped.

        Raises:
            KeyError / ValueError: see
                :func:`..checkpoint_converters.loading.load_converted`.
        """
        from mmengine.runner import CheckpointLoader

        from ..checkpoint_converters.loading import load_converted
        from ..checkpoint_converters.openpose import map_openpose_state_dict
        ckpt = CheckpointLoader.load_checkpoint(path, map_location='cpu')
        state, dropped = map_openpose_state_dict(ckpt.get('state_dict', ckpt))
        skipped = load_converted(self, state, path,
                                 ' (public weights need width_mult=1.0)')
        if skipped or dropped:
            print_log(f'{path}: skipped {len(skipped)} weights of stages '
                      f'after {self.num_stages} and {len(dropped)} of other '
                      'networks', logger='current')

    def _run(self, chain: nn.Module,
             x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``chain(x)``, checkpointed if ``with_cp`` (and grads are on)."""
        if self.with_cp and torch.is_grad_enabled():
            return cp.checkpoint(chain, x, use_reentrant=False)
        return chain(x)

    def forward(self, x: torch.Tensor) -> dict[str, torch.Tensor]:
        """Pose maps of one frame batch.

        Args:
            x: Frames ``(N, 3, H, W)``, 0-255 pixels in ``input_order``.

        Returns:
            ``implicit`` and ``paf`` ``(N, out_channels, H/8, W/8)``,
            ``explicit`` ``(N, 1, H/8, W/8)``, and the last stage's
            ``heatmaps`` ``(N, num_heatmaps, ...)`` and ``pafs``
            ``(N, num_pafs, ...)`` (no ReLU), e.g. for a pose loss. With
            ``return_all_stages`` also ``stage_heatmaps`` and ``stage_pafs``:
            lists of ``num_stages`` such maps, stage 1 first (the last
            entries are ``heatmaps`` and ``pafs``).
        """
        _, trunk = self._run(self.model0, openpose_normalise(
            x, self.input_order))
        y = trunk
        stage_heatmaps, stage_pafs = [], []
        for t in range(1, self.num_stages + 1):
            paf_feat, pafs = self._run(getattr(self, f'model{t}_1'), y)
            heat_feat, heatmaps = self._run(getattr(self, f'model{t}_2'), y)
            stage_heatmaps.append(heatmaps)
            stage_pafs.append(pafs)
            if t < self.num_stages:
                y = torch.cat([pafs, heatmaps, trunk], 1)
        keypoints = heatmaps[:, :self.num_heatmaps - 1] if (
            self.exclude_background) else heatmaps
        out = dict(implicit=heat_feat, paf=paf_feat,
                   explicit=keypoints.amax(1, keepdim=True),
                   heatmaps=heatmaps, pafs=pafs)
        if self.return_all_stages:
            out.update(stage_heatmaps=stage_heatmaps, stage_pafs=stage_pafs)
        return out
