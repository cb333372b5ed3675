# Copyright (c) mmaction-pose. All rights reserved.
"""``KeypointPCKMetric``: PCK of the joints a model estimates on its input
frames (Action Machine's pose branch, Zhu et al. 2018, Sec. 3.2; RPAN's
attention argmax through :class:`AttentionPCKMetric`)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmengine.evaluator import BaseMetric

from mmaction_pose.registry import METRICS
from ..functional.pck import keypoint_pck, visible_box_size


def _np(x) -> np.ndarray:
    return x.cpu().numpy() if hasattr(x, 'cpu') else np.asarray(x)


@METRICS.register_module()
class KeypointPCKMetric(BaseMetric):
    """PCK of ``pred_keypoint`` against ``pose_keypoint`` / ``pose_mask``
    (``SelectTargetJoints`` in the test pipeline), both ``(F, J, 2)`` in
    input-frame pixels for the same ``F`` frames (all views).

    A joint is correct when its distance to the ground truth is at most
    ``thr`` times the larger side of the box around the frame's visible
    ground-truth joints; the PCK averages over visible joints of all
    frames.

    Args:
        thr: Threshold (0.2 for Penn Action and JHMDB).
        joint_names: Optional names: also reports the PCK of every joint.
    """

    default_prefix = 'pose'
    hint = ("a pose head that predicts `pred_keypoint` and dict(type="
            "'SelectTargetJoints') + PackActionInputs(algorithm_keys=("
            "'pose_keypoint', 'pose_mask')) in the test pipeline")

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
                raise KeyError(f'{type(self).__name__} needs {self.hint}')
            pred, gt = _np(ds['pred_keypoint']), _np(ds['pose_keypoint'])
            if pred.shape != gt.shape:
                raise ValueError(
                    f'pred_keypoint {pred.shape} and pose_keypoint '
                    f'{gt.shape} differ: the test pipeline must select the '
                    'joints of every view and frame the model sees')
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
