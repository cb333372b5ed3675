# Copyright (c) mmaction-pose. All rights reserved.
"""Attention-as-pose PCK on synthetic cases with known answers."""
import numpy as np
import pytest
import torch

from mmaction_pose.evaluation.metrics import AttentionPCKMetric
from mmaction_pose.evaluation.functional.pck import visible_box_size


def sample(pred, gt, mask):
    return dict(pred_keypoint=torch.tensor(pred, dtype=torch.float32),
                pose_keypoint=np.asarray(gt, np.float32),
                pose_mask=np.asarray(mask, np.float32))


def test_known_answer():
    # One frame, 3 joints; the box of the visible GT joints is 100 x 50,
    # so the threshold at 0.2 is 20 px.
    gt = [[[0, 0], [100, 0], [50, 50]]]
    pred = [[[19, 0], [100, 21], [50, 50]]]  # correct, wrong, correct
    metric = AttentionPCKMetric(thr=0.2, joint_names=['a', 'b', 'c'])
    metric.process(None, [sample(pred, gt, [[1, 1, 1]])])
    # Second sample: joint c invisible (does not count), a wrong.
    metric.process(None, [sample([[[30, 0], [100, 0], [0, 0]]], gt,
                                 [[1, 1, 0]])])
    res = metric.compute_metrics(metric.results)
    assert res['pck@0.2'] == pytest.approx(3 / 5)
    assert res['pck@0.2_a'] == pytest.approx(1 / 2)
    assert res['pck@0.2_c'] == pytest.approx(1.)


def test_box_uses_visible_joints_only():
    gt = np.array([[[0, 0], [10, 40], [500, 500]]], np.float32)
    size = visible_box_size(gt, np.array([[True, True, False]]))
    assert size.tolist() == [40.]
    assert visible_box_size(gt, np.zeros((1, 3), bool)).tolist() == [0.]


def test_missing_fields_name_the_fix():
    with pytest.raises(KeyError, match='GenerateRPANPoseTarget'):
        AttentionPCKMetric().process(None, [dict(pred_score=1)])
