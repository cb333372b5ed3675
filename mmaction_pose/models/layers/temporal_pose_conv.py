# Copyright (c) mmaction-pose. All rights reserved.
"""Temporal pose convolution (TempPoseConv) of PA3D.

Yan, Wang, Li, Qiao, *PA3D: Pose-Action 3D Machine for Video Recognition*,
CVPR 2019, §3.2 ("Temporal Pose Convolution"), Eqs. (1)-(2), Fig. 3 and the
Table 3 ablation (Global / Local / Dilated types).
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
from mmengine.model import BaseModule
from torch import Tensor, nn

from mmaction_pose.registry import MODELS


def dilated_positions_count(num_frames: int, kernel: int,
                            dilation: int) -> int:
    """Number of temporal positions of a ``(kernel, dilation)`` conv."""
    return num_frames - (kernel - 1) * dilation


@MODELS.register_module()
class TemporalPoseConv(BaseModule):
    """Per-joint temporal association + semantic 1x1 convolution over time.

    PA3D §3.2: for every joint (channel) ``c`` the ``T`` maps of the clip are
    stacked into a cube ``J̃_c ∈ R^{T×H×W}`` (temporal association), and a
    1x1 convolution over its ``T`` temporal channels produces ``N`` maps,
    ``J̆_c = J̃_c ∗ Θ`` with ``Θ ∈ R^{N×T×1×1}`` **shared by all joints**
    (Eq. 1). The multi-scale branch applies ``Φ ∈ R^{M×(T/d)×1×1}`` to the
    frames taken every ``d`` steps (Eq. 2, temporal dilation). The "Local"
    ablation type (Table 3) convolves adjacent ``local_kernel`` frames with
    stride 1. All branches are concatenated per joint.

    Joints never mix: the input is reshaped to ``(N*V, 1, T, H, W)`` so that
    every joint is an independent sample of one shared ``Conv3d(1, ·,
    (k, 1, 1))``. The parameter count is therefore ``global_out*T +
    dilated_out*(T//d) (+ local_out*local_kernel)`` weights (plus one bias per
    output), independent of the number of joints.

    Output channels per joint (``out_channels_per_joint``), for ``T=8``:

    * global: ``global_out`` (1 temporal position);
    * dilated ``d``: ``dilated_out`` × positions; kernel ``T//d`` with
      dilation ``d`` has ``T-(T//d-1)*d`` positions (``d`` when ``d | T``:
      ``{t1,t3,t5,t7}``, ``{t2,t4,t6,t8}``); ``dilated_positions='first'``
      keeps only the first one (alternative reading of Eq. 2);
    * local: ``local_out`` × ``T-local_kernel+1`` positions (Table 3:
      t1-t3, …, t6-t8).

    The output is joint-major: channel ``v*R_c + r`` is output ``r`` of joint
    ``v``; within a joint, branches are in the order global, dilated (per
    dilation), local, each as ``out_channel × position``.

    Args:
        num_frames: ``T``, the number of temporal channels per joint (``T-1``
            for the difference modalities).
        global_out: ``N``, outputs of the global branch; 0 disables it.
        dilations: Dilation factors ``d`` of the multi-scale branches; empty
            disables them.
        dilated_out: ``M``, outputs per position of each dilated branch.
        dilated_positions: ``'all'`` or ``'first'`` (see above).
        local_kernel: Temporal extent of the local branch; ``None`` disables
            it (the paper uses 3 in the ablation only).
        local_out: Outputs per position of the local branch.
        bias: Add a bias to every branch (the paper is silent).
        post_norm: Add BatchNorm + ReLU after the concatenation; the BN is
            over the ``R_c`` per-joint channels, so it is shared by joints as
            well. The paper is silent; off by default (linear layer).
        init_cfg: Initialization config.
    """

    def __init__(self,
                 num_frames: int,
                 global_out: int = 6,
                 dilations: Sequence[int] = (2, ),
                 dilated_out: int = 3,
                 dilated_positions: str = 'all',
                 local_kernel: int | None = None,
                 local_out: int = 1,
                 bias: bool = True,
                 post_norm: bool = False,
                 init_cfg: dict | list[dict] | None = None) -> None:
        super().__init__(init_cfg=init_cfg)
        if dilated_positions not in ('all', 'first'):
            raise ValueError("dilated_positions must be 'all' or 'first', "
                             f'got {dilated_positions!r}')
        self.num_frames = num_frames
        self.dilated_positions = dilated_positions
        branches: list[nn.Conv3d] = []
        positions: list[int] = []
        if global_out > 0:
            branches.append(
                nn.Conv3d(1, global_out, (num_frames, 1, 1), bias=bias))
            positions.append(1)
        for d in dilations:
            kernel = num_frames // d
            if d < 1 or kernel < 1:
                raise ValueError(f'dilation {d} does not fit T={num_frames}')
            branches.append(
                nn.Conv3d(1, dilated_out, (kernel, 1, 1),
                          dilation=(d, 1, 1), bias=bias))
            positions.append(1 if dilated_positions == 'first' else
                             dilated_positions_count(num_frames, kernel, d))
        if local_kernel is not None:
            if not 1 <= local_kernel <= num_frames:
                raise ValueError(f'local_kernel {local_kernel} does not fit '
                                 f'T={num_frames}')
            branches.append(
                nn.Conv3d(1, local_out, (local_kernel, 1, 1), bias=bias))
            positions.append(num_frames - local_kernel + 1)
        if not branches:
            raise ValueError('TemporalPoseConv needs at least one branch')
        self.branches = nn.ModuleList(branches)
        self._positions = tuple(positions)
        self.out_channels_per_joint = sum(
            b.out_channels * p for b, p in zip(branches, positions))
        self.post_norm = nn.Sequential(
            nn.BatchNorm2d(self.out_channels_per_joint),
            nn.ReLU(inplace=True)) if post_norm else None

    def out_channels(self, num_joints: int) -> int:
        """``R = V * R_c``, the channels fed to the action CNN."""
        return num_joints * self.out_channels_per_joint

    def forward(self, x: Tensor) -> Tensor:
        """Encode every joint's temporal cube.

        Args:
            x: Pose maps ``(N, V, T, H, W)`` (MMAction2 ``NCTHW_Heatmap``).

        Returns:
            Spatio-temporal pose representation ``(N, V*R_c, H, W)``.
        """
        n, v, t, h, w = x.shape
        if t != self.num_frames:
            raise ValueError(f'expected T={self.num_frames}, got {t}')
        cube = x.reshape(n * v, 1, t, h, w)  # temporal association, per joint
        outs = []
        for branch, npos in zip(self.branches, self._positions):
            y = branch(cube)[:, :, :npos]  # (N*V, out, P, H, W)
            outs.append(y.reshape(n * v, -1, h, w))
        y = torch.cat(outs, dim=1)  # (N*V, R_c, H, W)
        if self.post_norm is not None:
            y = self.post_norm(y)
        return y.reshape(n, v * self.out_channels_per_joint, h, w)
