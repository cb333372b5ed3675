# Copyright (c) mmaction-pose. All rights reserved.
"""``AttentionPCKMetric``: RPAN's attention maps read as a pose estimate
(Du et al., ICCV 2017, Sec. 4.4: "For the attention heat map of each human
joint, we find the location with the highest attention score as the
estimated joint location", PCK@0.2 = 0.68 on Penn Action)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmengine.evaluator import BaseMetric

from mmaction_pose.registry import METRICS
from ..functional.pck import keypoint_pck


def _np(x) -> np.ndarray:
    return x.cpu().numpy() if hasattr(x, 'cpu') else np.asarray(x)


def visible_box_size(gt: np.ndarray, visible: np.ndarray) -> np.ndarray:
    """Larger side of the box around the visible joints: ``(T, J, 2)``,
    ``(T, J)`` -> ``(T,)`` (0 for a frame without visible joints)."""
    lo = np.where(visible[..., None], gt, np.inf).min(1)
    hi = np.where(visible[..., None], gt, -np.inf).max(1)
    with np.errstate(invalid='ignore'):
        return np.where(visible.any(1), (hi - lo).max(-1), 0.)


@METRICS.register_module()
class AttentionPCKMetric(BaseMetric):
    """PCK of the attention argmax (``pred_keypoint`` of ``RPANHead``)
    against the joints the targets were built from (``pose_keypoint``,
    ``pose_mask`` of ``GenerateRPANPoseTarget`` in the test pipeline).

    A joint is correct when its distance to the ground truth is at most
    ``thr`` times the larger side of the box around the frame's visible
    ground-truth joints; the PCK averages over visible joints of all
    sampled test frames.

    Args:
        thr: Threshold (0.2 for Penn Action).
        joint_names: Optional names: also reports the PCK of every joint.
    """

    default_prefix = 'attention'

    def __init__(self, thr: float = 0.2,
                 joint_names: Sequence[str] | None = None,
                 collect_device: str = 'cpu',
                 prefix: str | None = None) -> None:
        super().__init__(collect_device=collect_device, prefix=prefix)
        self.thr = thr
        self.joint_names = list(joint_names) if joint_names else None

    def process(self, data_batch, data_samples: Sequence[dict]) -> None:
        for ds in data_samples:
            if 'pred_keypoint' not in ds or 'pose_keypoint' not in ds:
                raise KeyError(
                    'AttentionPCKMetric needs `pred_keypoint` (RPANHead with '
                    'per-joint attention) and `pose_keypoint`/`pose_mask` '
                    "(GenerateRPANPoseTarget + PackActionInputs(algorithm_"
                    "keys=('pose_keypoint', 'pose_mask')) in the test "
                    'pipeline)')
            pred, gt = _np(ds['pred_keypoint']), _np(ds['pose_keypoint'])
            visible = _np(ds['pose_mask']) > 0
            correct = keypoint_pck(pred, gt, self.thr,
                                   ref_size=visible_box_size(gt, visible))
            self.results.append(((correct & visible).sum(0),
                                 visible.sum(0)))

    def compute_metrics(self, results: list) -> dict:
        correct = np.sum([r[0] for r in results], 0)
        count = np.sum([r[1] for r in results], 0)
        key = f'pck@{self.thr:g}'
        metrics = {key: float(correct.sum() / max(count.sum(), 1))}
        for j, name in enumerate(self.joint_names or []):
            metrics[f'{key}_{name}'] = float(correct[j] / max(count[j], 1))
        return metrics
