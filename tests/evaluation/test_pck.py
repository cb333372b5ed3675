# Copyright (c) mmaction-pose. All rights reserved.
"""PCK across layouts."""
from __future__ import annotations

import numpy as np

from mmaction_pose.evaluation.functional import (common_joints,
                                                 keypoint_pck, match_track)
from mmaction_pose.structures.skeleton_layouts import COCO17, JHMDB15


def test_common_joints_are_the_12_limb_joints():
    pred_idx, gt_idx, names = common_joints(COCO17, JHMDB15)
    assert len(names) == 12
    assert all(COCO17.joints[p] == JHMDB15.joints[g] == n
               for p, g, n in zip(pred_idx, gt_idx, names))


def test_keypoint_pck_exact_threshold():
    gt = np.array([[[0, 0], [100, 0], [0, 50]]], np.float32)  # size 100
    pred = gt + np.array([[[20, 0], [20.5, 0], [0, 5]]])
    correct = keypoint_pck(pred, gt, alpha=0.2)
    assert correct.tolist() == [[True, False, True]]
    valid = np.array([[True, True, False]])
    assert keypoint_pck(pred, gt, 0.2, pred_valid=valid).sum() == 1


def test_match_track_picks_the_closest_person():
    gt = np.zeros((4, 2, 2))
    kp = np.stack([np.full((4, 3, 2), 50.0), np.full((4, 3, 2), 1.0)])
    score = np.ones((2, 4, 3))
    assert match_track(kp, score, gt, [0, 1], [0, 1]) == 1
    assert match_track(kp[:0], score[:0], gt, [0], [0]) == -1
