# Copyright (c) mmaction-pose. All rights reserved.
"""``RPANHead``: pose attention inside an LSTM (Du et al., ICCV 2017,
"RPAN: An End-to-End Recurrent Pose-Attention Network for Action Recognition
in Videos", Sec. 3.2-3.4).

Per step ``t`` of ``T`` frames::

    C_t (B, K1*K2, D) --pose attention(h_{t-1})--> S_t, a_t (B, J, K1*K2)
    h_t, r_t = LSTMCell(S_t, (h_{t-1}, r_{t-1}))                  (6)-(10)
    logits_t = fc(h_t)                       a prediction at every step

Training: ``L = lambda_action sum_t CE(logits_t, y) + lambda_pose L_pose``
(Eq. 11-13; the video label repeated at every step, ``L_pose`` from
``RPANPoseLoss`` against the ``pose_target`` maps of the data samples).
Test: the last step's (or the steps' mean) scores; joints are not needed.
Predictions also carry the attention maps and, per joint, the image position
of the attention's maximum (``pred_keypoint``, Sec. 4.4's pose estimate).
"""
from __future__ import annotations

import torch
from mmengine.model.weight_init import normal_init
from torch import Tensor, nn

from mmaction.models.heads import BaseHead
from mmaction.utils import SampleList
from mmaction_pose.registry import MODELS

from ..layers.pose_attention import PoseAttention


def attention_argmax(alpha: Tensor, grid: tuple[int, int],
                     img_hw: tuple[int, int]) -> Tensor:
    """Joint positions from attention maps (Sec. 4.4): the centre of the
    most attended cell, in input-image pixels.

    Args:
        alpha: ``(..., J, K1*K2)`` attention.
        grid: ``(K1, K2)``.
        img_hw: ``(H, W)`` of the network input.

    Returns:
        ``(..., J, 2)`` ``(x, y)``.
    """
    k1, k2 = grid
    idx = alpha.argmax(-1)
    row, col = torch.div(idx, k2, rounding_mode='floor'), idx % k2
    x = (col.float() + 0.5) * img_hw[1] / k2
    y = (row.float() + 0.5) * img_hw[0] / k1
    return torch.stack([x, y], -1)


@MODELS.register_module()
class RPANHead(BaseHead):
    """Recurrent pose-attention head.

    Args:
        num_classes: Number of classes.
        in_channels: ``D``, channels of the backbone's cube (1024 for
            BN-Inception's inception_5a).
        parts: Joint indices per body part (the layout's ``part_index``,
            e.g. ``configs/_base_/skeletons/penn13.py``).
        hidden_dim: LSTM hidden size (paper: 512 Sub-JHMDB, 1024 Penn).
        att_dim: ``d_a`` (paper: 32 Sub-JHMDB, 128 Penn).
        attention: ``'human_part'`` | ``'separate_joint'`` | ``'share_all'``
            | ``'none'`` (Table 1).
        part_pool: ``'concat'`` | ``'max'`` | ``'mean'`` (Table 2).
        part_reduce: ``'sum'`` (Eq. 4) | ``'mean'``.
        loss_cls: Per-step classification loss (summed over steps).
        loss_pose: Attention loss config (``RPANPoseLoss``); used when the
            maps are per joint.
        num_steps: ``T``; with ``None`` every input segment is a step. When
            given, ``num_segs`` may be a multiple of it (several test views).
        predict_step: ``'last'`` (paper) or ``'mean'`` of the step logits.
        dropout_ratio: Dropout before the classifier (paper: none).
        init_std: Std of the classifier's initialisation.
    """

    def __init__(self,
                 num_classes: int,
                 in_channels: int,
                 parts: list[list[int]],
                 hidden_dim: int = 512,
                 att_dim: int = 32,
                 attention: str = 'human_part',
                 part_pool: str = 'concat',
                 part_reduce: str = 'sum',
                 loss_cls: dict = dict(type='CrossEntropyLoss'),
                 loss_pose: dict = dict(type='RPANPoseLoss', loss_weight=1.),
                 num_steps: int | None = None,
                 predict_step: str = 'last',
                 dropout_ratio: float = 0.,
                 init_std: float = 0.01,
                 average_clips: str | None = 'prob',
                 **kwargs) -> None:
        super().__init__(num_classes, in_channels, loss_cls,
                         average_clips=average_clips, **kwargs)
        if predict_step not in ('last', 'mean'):
            raise ValueError(
                f"predict_step must be 'last' or 'mean', got {predict_step!r}")
        self.attention = PoseAttention(in_channels, hidden_dim, att_dim,
                                       parts, attention, part_reduce,
                                       part_pool)
        self.lstm = nn.LSTMCell(self.attention.out_channels, hidden_dim)
        self.dropout = nn.Dropout(dropout_ratio) if dropout_ratio else None
        self.fc_cls = nn.Linear(hidden_dim, num_classes)
        self.loss_pose = MODELS.build(loss_pose) \
            if self.attention.supervised and loss_pose else None
        self.hidden_dim, self.num_steps = hidden_dim, num_steps
        self.predict_step, self.init_std = predict_step, init_std

    def init_weights(self) -> None:
        normal_init(self.fc_cls, std=self.init_std)

    def forward(self, x: Tensor, num_segs: int | None = None,
                **kwargs) -> tuple[Tensor, Tensor | None]:
        """Run the recurrence.

        Args:
            x: ``(B*T, D, K1, K2)`` cubes, ``T = num_segs``.

        Returns:
            logits ``(B', T, num_classes)`` and attention
            ``(B', T, J, K1, K2)`` (None for ``attention='none'``), with
            ``B' = B * views`` when ``num_segs`` covers several views.
        """
        steps = self.num_steps or num_segs or x.shape[0]
        n, d, k1, k2 = x.shape
        if n % steps:
            raise ValueError(f'{n} cubes are not a multiple of {steps} steps')
        cube = x.view(n // steps, steps, d, k1 * k2).transpose(2, 3)
        proj = self.attention.project_cube(cube)
        h = cube.new_zeros(cube.shape[0], self.hidden_dim)
        r = torch.zeros_like(h)
        logits, alphas = [], []
        for t in range(steps):
            s, alpha = self.attention(cube[:, t],
                                      None if proj is None else proj[:, t], h)
            h, r = self.lstm(s, (h, r))
            out = h if self.dropout is None else self.dropout(h)
            logits.append(self.fc_cls(out))
            alphas.append(alpha)
        logits = torch.stack(logits, 1)
        if alphas[0] is None:
            return logits, None
        return logits, torch.stack(alphas, 1).unflatten(-1, (k1, k2))

    def loss(self, feats: Tensor, data_samples: SampleList,
             **kwargs) -> dict:
        """``loss_cls`` (summed over steps), ``loss_pose``, ``top1_acc`` of
        the last step and ``attention_err`` (the unweighted pose term)."""
        logits, alpha = self(feats, **kwargs)
        labels = torch.stack([ds.gt_label for ds in data_samples]).view(-1)
        labels = labels.to(logits.device)
        losses = dict(loss_cls=sum(self.loss_cls(logits[:, t], labels)
                                   for t in range(logits.shape[1])))
        losses['top1_acc'] = (logits[:, -1].argmax(-1) == labels).float() \
            .mean().detach()
        if self.loss_pose is not None:
            target, mask = self._targets(data_samples, alpha)
            losses['loss_pose'] = self.loss_pose(alpha.flatten(3), target,
                                                 mask)
            with torch.no_grad():
                losses['attention_err'] = (
                    (target - alpha.flatten(3)).pow(2).sum(-1) *
                    mask).sum((1, 2)).mean()
        return losses

    @staticmethod
    def _targets(data_samples: SampleList,
                 alpha: Tensor) -> tuple[Tensor, Tensor]:
        """``(B, T, J, K)`` targets and ``(B, T, J)`` masks."""
        if 'pose_target' not in data_samples[0]:
            raise KeyError(
                'RPANHead needs `pose_target` in the data samples for its '
                "pose loss: add dict(type='GenerateRPANPoseTarget') and "
                "PackActionInputs(algorithm_keys=('pose_target', "
                "'pose_mask')) to the training pipeline, or set "
                'loss_pose=None')
        target = torch.stack([torch.as_tensor(ds.pose_target)
                              for ds in data_samples]).to(alpha)
        if target.shape != alpha.shape:
            raise ValueError(
                f'pose_target {tuple(target.shape)} does not match the '
                f'attention maps {tuple(alpha.shape)}: set the target '
                "transform's stride to the backbone's output stride")
        mask = torch.stack([torch.as_tensor(ds.pose_mask)
                            for ds in data_samples]).to(alpha)
        return target.flatten(3), mask

    def predict(self, feats: Tensor, data_samples: SampleList,
                **kwargs) -> SampleList:
        """Scores of the last (or mean) step, averaged over views; the first
        view's attention ``(T, J, K1, K2)`` and its argmax joints
        ``pred_keypoint`` ``(T, J, 2)``."""
        logits, alpha = self(feats, **kwargs)
        scores = logits[:, -1] if self.predict_step == 'last' \
            else logits.mean(1)
        views = scores.shape[0] // len(data_samples)
        if alpha is not None and self.attention.supervised:
            first = alpha[::views]
            grid = tuple(first.shape[-2:])
            for ds, a in zip(data_samples, first):
                img_hw = ds.metainfo.get('img_shape', grid)
                ds.set_field(a.detach().cpu(), 'pred_attention')
                ds.set_field(
                    attention_argmax(a.flatten(2), grid, img_hw).cpu(),
                    'pred_keypoint')
        return self.predict_by_feat(scores, data_samples)
