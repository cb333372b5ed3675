# Copyright (c) mmaction-pose. All rights reserved.
"""``RGBPoseHead``: MMAction2's two-stream head with its loss bug fixed.

A drop-in replacement (same arguments, same outputs; parity test in
``tests/models/heads/test_rgbpose_head.py``). MMAction2 1.2.0's
``RGBPoseHead.loss_by_feat`` calls ``cls_scores.size()`` on the *dict* of
per-stream scores whenever the batch size equals ``num_classes`` (the
soft-label check), so training crashes with ``AttributeError: 'dict' object
has no attribute 'size'``. Here the check reads the first stream's scores.
Integer ``dropout``/``loss_weights`` (e.g. ``dropout=0``) are accepted too;
MMAction2 asserts on them.
"""
from __future__ import annotations

from numbers import Number

import torch

from mmaction.models.heads import RGBPoseHead as _MMARGBPoseHead
from mmaction.utils import SampleList
from mmaction_pose.registry import MODELS


@MODELS.register_module()
class RGBPoseHead(_MMARGBPoseHead):
    """Classification head of RGBPose-Conv3D: one classifier per pathway.

    "Revisiting Skeleton-based Action Recognition" (PoseConv3D, Duan et al.,
    CVPR 2022, https://arxiv.org/abs/2104.13586), Sec. 3.3: each pathway is
    trained with its own cross-entropy loss, and the two softmax scores are
    fused late (1:1 in the reference code, ``AccMetric``'s
    ``RGBPose_1:1_top1``)::

        x_rgb  (N, C_rgb, T, H, W)  -> GAP -> dropout -> fc_rgb  -> (N, K)
        x_pose (N, C_pose, t, h, w) -> GAP -> dropout -> fc_pose -> (N, K)

    Args:
        num_classes: Number of classes ``K``.
        in_channels: ``(C_rgb, C_pose)``, e.g. ``(2048, 512)``.
        loss_cls: Loss config, shared by both streams.
        loss_components: Streams that get a loss, ``['rgb', 'pose']``.
        loss_weights: One weight for all streams or one per stream.
        dropout: Dropout probability, one for both streams or a dict
            ``dict(rgb=p_rgb, pose=p_pose)``.
        init_std: Std of the normal init of the classifiers.
        **kwargs: ``BaseHead`` arguments (``average_clips``, ``topk``...).

    Returns:
        ``forward`` returns ``dict(rgb=(N, K) logits, pose=(N, K) logits)``;
        ``predict`` sets ``pred_score`` to the clip-averaged dict of scores.
    """

    def __init__(self,
                 num_classes: int,
                 in_channels: tuple[int, int],
                 loss_cls: dict = dict(type='CrossEntropyLoss'),
                 loss_components: list[str] = ['rgb', 'pose'],
                 loss_weights: float | tuple[float, ...] = 1.,
                 dropout: float | dict[str, float] = 0.5,
                 init_std: float = 0.01,
                 **kwargs) -> None:
        if isinstance(dropout, Number):
            dropout = float(dropout)
        if isinstance(loss_weights, Number):
            loss_weights = float(loss_weights)
        super().__init__(num_classes, in_channels, loss_cls,
                         list(loss_components), loss_weights, dropout,
                         init_std, **kwargs)

    def loss_by_feat(self, cls_scores: dict[str, torch.Tensor],
                     data_samples: SampleList) -> dict:
        """Per-stream losses.

        Args:
            cls_scores: ``{stream: (N, K) logits}``.
            data_samples: Samples with ``gt_label`` (hard ``(1,)`` or soft
                ``(K,)`` labels).

        Returns:
            ``{f'{stream}_loss_cls': weighted loss, f'{stream}_top1_acc':
            ...}`` for every stream of ``loss_components``.
        """
        labels = torch.stack([x.gt_label for x in data_samples]).squeeze()
        batch = next(iter(cls_scores.values())).size(0)
        if labels.shape == torch.Size([]):
            labels = labels.unsqueeze(0)
        elif (labels.dim() == 1 and labels.size(0) == self.num_classes
              and batch == 1):
            # Soft labels of a single sample: (K,) -> (1, K).
            labels = labels.unsqueeze(0)

        losses = dict()
        for name, weight in zip(self.loss_components, self.loss_weights):
            loss = self.loss_by_scores(cls_scores[name], labels)
            loss = {f'{name}_{k}': v for k, v in loss.items()}
            loss[f'{name}_loss_cls'] *= weight
            losses.update(loss)
        return losses
