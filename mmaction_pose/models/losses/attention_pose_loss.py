# Copyright (c) mmaction-pose. All rights reserved.
"""RPAN's pose loss (Du et al., ICCV 2017, Eq. 13): squared error between
every joint's attention map and its Gaussian ground-truth map,
``L_pose = sum_J sum_t sum_k (M_t^J(k) - a_t^J(k))^2`` per video."""
from __future__ import annotations

from torch import Tensor, nn

from mmaction_pose.registry import MODELS


def attention_pose_loss(alpha: Tensor, target: Tensor,
                        mask: Tensor | None = None,
                        reduction: str = 'sum') -> Tensor:
    """Eq. 13, averaged over the videos of the batch.

    Args:
        alpha: ``(B, T, J, K)`` attention maps (softmax over ``K``).
        target: ``(B, T, J, K)`` ground-truth maps (each sums to 1, or 0 for
            a joint without annotation).
        mask: ``(B, T, J)``: 0 drops a joint from the loss (missing joints).
        reduction: ``'sum'``: summed over joints, steps and locations (the
            paper's literal sum), then averaged over videos; ``'mean'``: the
            per-map sum over locations averaged over all (unmasked) maps.
    """
    err = (target - alpha).pow(2).sum(-1)  # (B, T, J)
    if mask is not None:
        err = err * mask
    if reduction == 'sum':
        return err.sum((1, 2)).mean()
    if reduction == 'mean':
        count = err.numel() if mask is None else mask.sum().clamp(min=1)
        return err.sum() / count
    raise ValueError(f"reduction must be 'sum' or 'mean', got {reduction!r}")


@MODELS.register_module()
class RPANPoseLoss(nn.Module):
    """Registered :func:`attention_pose_loss` with a weight (lambda_pose).

    Args:
        loss_weight: ``lambda_pose`` of Eq. 11 (paper: 1).
        reduction: See :func:`attention_pose_loss`.
        use_mask: Drop joints without annotation.
    """

    def __init__(self, loss_weight: float = 1.0, reduction: str = 'sum',
                 use_mask: bool = True) -> None:
        super().__init__()
        self.loss_weight, self.reduction = loss_weight, reduction
        self.use_mask = use_mask

    def forward(self, alpha: Tensor, target: Tensor,
                mask: Tensor | None = None) -> Tensor:
        return self.loss_weight * attention_pose_loss(
            alpha, target, mask if self.use_mask else None, self.reduction)
