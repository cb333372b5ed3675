# Copyright (c) mmaction-pose. All rights reserved.
"""RPAN's pose attention (Du, Wang, Qiao, ICCV 2017, Sec. 3.2, Eq. 2-5).

For every joint ``J`` of body part ``P`` and every location ``k`` of the
convolutional cube ``C_t``::

    a~_t^J(k) = v^J tanh(A_h^P h_{t-1} + A_c^P C_t(k) + b^P)      (2)
    a_t^J     = softmax_k(a~_t^J)                                  (3)
    F_t^P     = sum_{J in P} sum_k a_t^J(k) C_t(k)                  (4)
    S_t       = PartPool(F_t^P), PartPool in {concat, max, mean}    (5)

``v^J`` is per joint; ``A_h, A_c, b`` are shared inside a part. The
ablations of Table 1 are values of ``mode``:

* ``'human_part'`` (the paper's model): projections shared per part.
* ``'separate_joint'``: projections per joint (no part structure in the
  parameters); features are still summed per part and part-pooled, so only
  the sharing changes.
* ``'share_all'``: one attention map for all joints, ``S_t = sum_k a C``.
* ``'none'`` ("Without"): ``S_t`` = global average of ``C_t``.
"""
from __future__ import annotations

import torch
from torch import Tensor, nn

ATTENTION_MODES = ('human_part', 'separate_joint', 'share_all', 'none')
PART_POOLS = ('concat', 'max', 'mean')


def part_membership(parts: list[list[int]], num_joints: int) -> Tensor:
    """``(P, J)`` 0/1 matrix: joint ``j`` belongs to part ``p``."""
    m = torch.zeros(len(parts), num_joints)
    for p, joints in enumerate(parts):
        m[p, list(joints)] = 1.
    return m


def part_pool(feats: Tensor, pool: str) -> Tensor:
    """Eq. 5: ``(B, P, D)`` part features -> ``(B, P*D)`` or ``(B, D)``."""
    if pool == 'concat':
        return feats.flatten(1)
    if pool == 'max':
        return feats.max(1).values
    if pool == 'mean':
        return feats.mean(1)
    raise ValueError(f'part_pool must be one of {PART_POOLS}, got {pool!r}')


class PoseAttention(nn.Module):
    """Pose attention driven by the previous LSTM state.

    Args:
        in_channels: ``d_c``, channels of the cube (1024 for inception_5a).
        hidden_dim: LSTM hidden size (``h_{t-1}``).
        att_dim: ``d_a``, rows of ``A_h``, ``A_c`` and length of ``v^J``.
        parts: Joint indices of every body part (the layout's
            ``part_index``; 5 parts for RPAN).
        mode: One of :data:`ATTENTION_MODES`.
        part_reduce: ``'sum'`` (Eq. 4, literal) or ``'mean'`` over a part's
            joints.
        pool: Part pooling, one of :data:`PART_POOLS`.
    """

    def __init__(self, in_channels: int, hidden_dim: int, att_dim: int,
                 parts: list[list[int]], mode: str = 'human_part',
                 part_reduce: str = 'sum', pool: str = 'concat') -> None:
        super().__init__()
        if mode not in ATTENTION_MODES:
            raise ValueError(
                f'attention must be one of {ATTENTION_MODES}, got {mode!r}')
        if pool not in PART_POOLS:
            raise ValueError(
                f'part_pool must be one of {PART_POOLS}, got {pool!r}')
        if part_reduce not in ('sum', 'mean'):
            raise ValueError(
                f"part_reduce must be 'sum' or 'mean', got {part_reduce!r}")
        self.mode, self.pool, self.part_reduce = mode, pool, part_reduce
        self.in_channels, self.att_dim = in_channels, att_dim
        self.num_joints = sum(len(p) for p in parts)
        self.num_parts = len(parts)
        member = part_membership(parts, self.num_joints)
        if sorted(j for p in parts for j in p) != list(range(self.num_joints)):
            raise ValueError(f'parts must cover joints 0..J-1 once: {parts}')
        if part_reduce == 'mean':
            member = member / member.sum(1, keepdim=True)
        self.register_buffer('membership', member, persistent=False)
        if mode == 'none':
            return
        # Which projection group scores each attention map.
        if mode == 'human_part':
            group = member.argmax(0)
        elif mode == 'separate_joint':
            group = torch.arange(self.num_joints)
        else:  # share_all: one map
            group = torch.zeros(1, dtype=torch.long)
        self.register_buffer('group', group, persistent=False)
        self.num_groups = int(group.max()) + 1
        self.num_maps = len(group)
        # A_c^P and b^P of all groups stacked; A_h^P without bias.
        self.proj_c = nn.Linear(in_channels, self.num_groups * att_dim)
        self.proj_h = nn.Linear(hidden_dim, self.num_groups * att_dim,
                                bias=False)
        self.v = nn.Parameter(torch.empty(self.num_maps, att_dim))
        nn.init.normal_(self.v, std=att_dim**-0.5)

    @property
    def out_channels(self) -> int:
        """Size of ``S_t``."""
        if self.mode in ('none', 'share_all') or self.pool != 'concat':
            return self.in_channels
        return self.num_parts * self.in_channels

    @property
    def supervised(self) -> bool:
        """Whether the maps are per joint (and the pose loss applies)."""
        return self.mode in ('human_part', 'separate_joint')

    def project_cube(self, cube: Tensor) -> Tensor | None:
        """``A_c C(k) + b`` for all steps: ``(B, T, K, D)`` ->
        ``(B, T, K, G, d_a)`` (computed once, outside the recurrence)."""
        if self.mode == 'none':
            return None
        return self.proj_c(cube).unflatten(-1, (self.num_groups,
                                                self.att_dim))

    def forward(self, cube_t: Tensor, proj_t: Tensor | None,
                hidden: Tensor) -> tuple[Tensor, Tensor | None]:
        """One step.

        Args:
            cube_t: ``(B, K, D)`` cube ``C_t``.
            proj_t: ``(B, K, G, d_a)`` from :meth:`project_cube`.
            hidden: ``(B, H)`` ``h_{t-1}``.

        Returns:
            ``S_t`` ``(B, out_channels)`` and the attention ``(B, J, K)``
            (``(B, 1, K)`` for share_all, None for none).
        """
        if self.mode == 'none':
            return cube_t.mean(1), None
        guide = self.proj_h(hidden).unflatten(-1, (self.num_groups,
                                                   self.att_dim))
        energy = torch.tanh(proj_t + guide[:, None])  # (B, K, G, d_a)
        energy = energy[:, :, self.group]  # (B, K, maps, d_a)
        alpha = torch.einsum('bkjd,jd->bjk', energy, self.v).softmax(-1)
        feats = alpha @ cube_t  # (B, maps, D)
        if self.mode == 'share_all':
            return feats[:, 0], alpha
        parts = self.membership @ feats  # Eq. 4: (B, P, D)
        return part_pool(parts, self.pool), alpha
