# Copyright (c) mmaction-pose. All rights reserved.
"""PCK (percentage of correct keypoints) of estimated against ground-truth
poses, across skeleton layouts.

A joint is correct when its distance to the ground truth is at most
``alpha`` times the reference size of the ground-truth person in that frame:
by default the larger side of the box around all ground-truth joints (the
JHMDB convention, "PCK@0.2" with ``alpha=0.2``). Joints are compared by
name, so a COCO-17 estimate is scored on the 12 limb joints it shares with
JHMDB-15 (shoulders, elbows, wrists, hips, knees, ankles) without any typed
index list.
"""
from __future__ import annotations

import numpy as np

from mmaction_pose.structures.skeleton_layouts import SkeletonLayout


def common_joints(pred: SkeletonLayout, gt: SkeletonLayout
                  ) -> tuple[list[int], list[int], list[str]]:
    """Indices in ``pred`` and ``gt`` of the joints both name, and names."""
    names = [n for n in gt.joints if n in pred.joints]
    return ([pred.index(n) for n in names], [gt.index(n) for n in names],
            names)


def visible_box_size(gt: np.ndarray, visible: np.ndarray) -> np.ndarray:
    """Larger side of the box around the visible joints: ``(T, J, 2)``,
    ``(T, J)`` -> ``(T,)`` (0 for a frame without visible joints)."""
    lo = np.where(visible[..., None], gt, np.inf).min(1)
    hi = np.where(visible[..., None], gt, -np.inf).max(1)
    with np.errstate(invalid='ignore'):
        return np.where(visible.any(1), (hi - lo).max(-1), 0.)


def keypoint_pck(pred: np.ndarray, gt: np.ndarray, alpha: float = 0.2,
                 ref_size: np.ndarray | None = None,
                 gt_all: np.ndarray | None = None,
                 pred_valid: np.ndarray | None = None) -> np.ndarray:
    """Per-frame, per-joint correctness.

    Args:
        pred: ``(T, J, 2)`` estimated joints (matched to ``gt``).
        gt: ``(T, J, 2)`` ground truth.
        ref_size: ``(T,)`` reference sizes; default: larger side of the box
            around ``gt_all`` (or ``gt``) per frame.
        gt_all: ``(T, V, 2)`` every ground-truth joint, for the box.
        pred_valid: ``(T, J)`` False where no estimate exists (counted as
            wrong).

    Returns:
        ``(T, J)`` bool; its mean is the PCK.
    """
    if ref_size is None:
        box_pts = gt if gt_all is None else gt_all
        ref_size = (box_pts.max(1) - box_pts.min(1)).max(-1)
    dist = np.linalg.norm(pred - gt, axis=-1)
    correct = dist <= alpha * np.asarray(ref_size)[:, None]
    if pred_valid is not None:
        correct &= pred_valid
    return correct


def match_track(keypoint: np.ndarray, keypoint_score: np.ndarray,
                gt: np.ndarray, pred_idx: list[int], gt_idx: list[int]
                ) -> int:
    """Index of the estimated person (``(M, T, V, 2)`` tracks) closest to
    the ground-truth person ``(T, V_gt, 2)`` on the shared joints, over the
    frames where the track exists; -1 if there are no tracks."""
    best, best_dist = -1, np.inf
    for m in range(len(keypoint)):
        present = keypoint_score[m][:, pred_idx].sum(-1) > 0
        if not present.any():
            continue
        d = np.linalg.norm(
            keypoint[m][present][:, pred_idx] - gt[present][:, gt_idx],
            axis=-1).mean()
        # Frames without the track count as far away.
        d = d * len(present) / present.sum()
        if d < best_dist:
            best, best_dist = m, d
    return best
