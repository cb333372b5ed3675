# Copyright (c) mmaction-pose. All rights reserved.
"""``AttentionPCKMetric``: RPAN's attention maps read as a pose estimate
(Du et al., ICCV 2017, Sec. 4.4: "For the attention heat map of each human
joint, we find the location with the highest attention score as the
estimated joint location", PCK@0.2 = 0.68 on Penn Action)."""
from __future__ import annotations

from mmaction_pose.registry import METRICS
from .keypoint_pck import KeypointPCKMetric


@METRICS.register_module()
class AttentionPCKMetric(KeypointPCKMetric):
    """PCK of the attention argmax (``pred_keypoint`` of ``RPANHead``, the
    first view) against the joints the targets were built from
    (``pose_keypoint``, ``pose_mask`` of ``GenerateRPANPoseTarget`` in the
    test pipeline); reported as ``attention/pck@0.2``. Arguments as
    :class:`KeypointPCKMetric`."""

    default_prefix = 'attention'
    hint = ('`pred_keypoint` (RPANHead with per-joint attention) and '
            '`pose_keypoint`/`pose_mask` (GenerateRPANPoseTarget + '
            "PackActionInputs(algorithm_keys=('pose_keypoint', 'pose_mask'))"
            ' in the test pipeline)')
