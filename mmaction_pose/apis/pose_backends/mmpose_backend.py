# Copyright (c) mmaction-pose. All rights reserved.
"""OpenMMLab pose backend: an mmdet person detector + an mmpose top-down
estimator, both from config + checkpoint (paths or URLs).

This is the standard OpenMMLab pipeline of mmaction2's
``demo/demo_skeleton.py`` and ``ntu_pose_extraction.py``, with their bugs
fixed: frames without detections give an empty :class:`FramePoses` (mmaction2
fabricates an instance with the misspelt ``keypoints_scores`` key, or, in
``inference_topdown``, silently estimates a pose on the whole image), and
every mmdet/mmpose call runs inside a temporary default scope, so the global
scope is unchanged afterwards (open-mmlab/mmaction2#2467: both libraries
switch it for good). Checkpoints are loaded by mmengine's
``load_checkpoint``, which accepts local paths and ``http(s)://`` URLs.
"""
from __future__ import annotations

from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import COCO17

from .base import FramePoses, PoseBackend

_MISSING = ('the mmdet + mmpose backend needs mmdet 3.x, mmpose 1.x and the '
            'full mmcv (with ops): pip install "mmaction-pose[demo]" (see '
            'tools/setup_env.sh)')


def _scope(model: Any, default: str) -> Any:
    from mmengine.registry import DefaultScope
    return DefaultScope.overwrite_default_scope(
        model.cfg.get('default_scope', default))


class MMPoseBackend(PoseBackend):
    """mmdet detection → mmpose top-down COCO-17 keypoints.

    Args:
        det_config: mmdet config file (or :class:`mmengine.Config`).
        det_checkpoint: Path or URL; None keeps random weights (tests).
        pose_config: mmpose top-down config file; its dataset must have the
            17 COCO keypoints.
        pose_checkpoint: Path or URL; None keeps random weights (tests).
        device: torch device.
        det_cat_id: Detector class of a person (0 for COCO).
        det_score_thr: Boxes under this score are dropped.
        max_people: Keep at most this many boxes (highest scores first).
    """

    name = 'mmpose'

    def __init__(self,
                 det_config: Any,
                 det_checkpoint: str | None,
                 pose_config: Any,
                 pose_checkpoint: str | None,
                 device: str = 'cpu',
                 det_cat_id: int = 0,
                 det_score_thr: float = 0.5,
                 max_people: int | None = None) -> None:
        from mmaction_pose.utils.compat import require_mmcv_ops
        require_mmcv_ops()  # before loading anything: one line, at once
        try:
            from mmdet.apis import init_detector
            from mmpose.apis import init_model
        except ImportError as e:
            raise ImportError(f'{_MISSING} ({e})') from e
        from mmengine.registry import DefaultScope
        with DefaultScope.overwrite_default_scope('mmdet'):
            self.detector = init_detector(
                det_config, det_checkpoint, device=device,
                cfg_options={} if det_checkpoint is None else None)
        with DefaultScope.overwrite_default_scope('mmpose'):
            self.pose_model = init_model(pose_config, pose_checkpoint,
                                         device=device)
        num_kp = self.pose_model.dataset_meta.get('num_keypoints')
        if num_kp != COCO17.num_joints:
            raise ValueError(
                f'the pose model predicts {num_kp} keypoints; this backend '
                f'needs a COCO-17 model ({COCO17.num_joints} keypoints)')
        self.det_cat_id = det_cat_id
        self.det_score_thr = det_score_thr
        self.max_people = max_people

    def detect(self, frame_bgr: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Person boxes ``(N, 4)`` and scores ``(N,)``, best first."""
        from mmdet.apis import inference_detector
        with _scope(self.detector, 'mmdet'):
            pred = inference_detector(self.detector, frame_bgr).pred_instances
        pred = pred.cpu().numpy()
        keep = (pred.labels == self.det_cat_id) & \
            (pred.scores >= self.det_score_thr)
        boxes, scores = pred.bboxes[keep], pred.scores[keep]
        order = np.argsort(-scores, kind='stable')[:self.max_people]
        return boxes[order].astype(np.float32), scores[order]

    def __call__(self, frame_bgr: np.ndarray) -> FramePoses:
        if frame_bgr is None or frame_bgr.ndim != 3:
            raise ValueError('expected an (H, W, 3) BGR frame')
        boxes, box_scores = self.detect(frame_bgr)
        if not len(boxes):
            return FramePoses()
        from mmpose.apis import inference_topdown
        from mmpose.structures import merge_data_samples
        with _scope(self.pose_model, 'mmpose'):
            samples = inference_topdown(self.pose_model, frame_bgr, boxes,
                                        bbox_format='xyxy')
        pred = merge_data_samples(samples).pred_instances
        scores = np.clip(np.asarray(pred.keypoint_scores, np.float32), 0, 1)
        return FramePoses(boxes, np.asarray(pred.keypoints), scores,
                          box_scores)
