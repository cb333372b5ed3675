# Copyright (c) mmaction-pose. All rights reserved.
"""Charades multi-label setup of PA3D: I3DHead + BCE and AccMetric's mAP.

MMAction2 already has both pieces (``I3DHead(multi_class=True)``,
``BCELossWithLogits``, ``AccMetric('mean_average_precision')``), so PA3D adds
no head or metric; these tests pin the behaviour the Charades configs use.
"""
from __future__ import annotations

import pytest
import torch
from mmaction.structures import ActionDataSample

from mmaction_pose.registry import METRICS, MODELS

K = 5


def _multi_hot(*classes: int) -> torch.Tensor:
    label = torch.zeros(K)
    label[list(classes)] = 1
    return label


@pytest.fixture
def head():
    return MODELS.build(dict(
        type='I3DHead', in_channels=8, num_classes=K, multi_class=True,
        dropout_ratio=0,
        loss_cls=dict(type='BCELossWithLogits'), average_clips='score'))


def test_multilabel_head_bce_loss(head):
    feats = torch.rand(2, 8, 1, 2, 2)
    samples = [ActionDataSample().set_gt_label(_multi_hot(0, 3)),
               ActionDataSample().set_gt_label(_multi_hot(1))]
    loss = head.loss(feats, samples)['loss_cls']
    logits = head(feats)
    labels = torch.stack([_multi_hot(0, 3), _multi_hot(1)])
    ref = torch.nn.functional.binary_cross_entropy_with_logits(logits, labels)
    torch.testing.assert_close(loss, ref)


def test_multilabel_head_predict_averages_clip_scores(head):
    head.eval()
    feats = torch.rand(2 * 3, 8, 1, 2, 2)  # 2 videos × 3 clips
    samples = [ActionDataSample().set_gt_label(_multi_hot(2))
               for _ in range(2)]
    out = head.predict(feats, samples)
    logits = head(feats).view(2, 3, K).mean(1)
    torch.testing.assert_close(torch.stack([s.pred_score for s in out]),
                               logits)


def _evaluate(scores: list[list[float]], labels: list[torch.Tensor]) -> float:
    metric = METRICS.build(dict(type='AccMetric',
                                metric_list=('mean_average_precision', )))
    samples = [dict(pred_score=torch.tensor(s), gt_label=lab)
               for s, lab in zip(scores, labels)]
    metric.process(None, samples)
    return metric.compute_metrics(metric.results)['mean_average_precision']


def test_map_is_one_for_perfect_ranking():
    labels = [_multi_hot(0, 1), _multi_hot(2, 3), _multi_hot(4, 0)]
    scores = [lab.tolist() for lab in labels]
    assert _evaluate(scores, labels) == pytest.approx(1.0)


@pytest.mark.filterwarnings('ignore:invalid value encountered in divide')
def test_map_hand_computed():
    # class 0: positives ranked 1st and 3rd -> AP = (1 + 2/3) / 2
    # class 1: single positive ranked 2nd   -> AP = 1/2
    labels = [_multi_hot(0), _multi_hot(1), _multi_hot(0)]
    scores = [[0.9, 0.1, 0, 0, 0], [0.5, 0.8, 0, 0, 0],
              [0.2, 0.9, 0, 0, 0]]
    # classes 2-4 have no positive: their AP is NaN and ignored
    assert _evaluate(scores, labels) == pytest.approx(
        ((1 + 2 / 3) / 2 + 1 / 2) / 2)
