# Copyright (c) mmaction-pose. All rights reserved.
"""The one interface every pose backend implements.

A backend maps one BGR frame to the people in it: boxes, COCO-17 keypoints
and keypoint scores (:class:`FramePoses`). Backends are stateful only where
the underlying model tracks across frames (mediapipe's VIDEO mode); call
:meth:`PoseBackend.reset` between unrelated videos.
"""
from __future__ import annotations

from abc import ABCMeta, abstractmethod
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import COCO17

NUM_JOINTS = COCO17.num_joints


def _empty(shape: tuple[int, ...]) -> np.ndarray:
    return np.zeros(shape, np.float32)


@dataclass
class FramePoses:
    """The people found in one frame (``M`` may be 0).

    Args:
        boxes: ``(M, 4)`` boxes ``x1, y1, x2, y2`` in pixels.
        keypoints: ``(M, 17, 2)`` COCO-17 ``x, y`` in pixels.
        scores: ``(M, 17)`` keypoint confidences in ``[0, 1]``.
        box_scores: ``(M,)`` person confidences; defaults to the mean
            keypoint score.
        track_ids: ``(M,)`` track index of every person, set by
            :class:`~mmaction_pose.apis.pose_backends.tracking.PoseTracker`
            (``-1``: not tracked yet).
    """

    boxes: np.ndarray = field(default_factory=lambda: _empty((0, 4)))
    keypoints: np.ndarray = field(
        default_factory=lambda: _empty((0, NUM_JOINTS, 2)))
    scores: np.ndarray = field(default_factory=lambda: _empty((0, NUM_JOINTS)))
    box_scores: np.ndarray | None = None
    track_ids: np.ndarray | None = None

    def __post_init__(self) -> None:
        self.boxes = np.asarray(self.boxes, np.float32).reshape(-1, 4)
        m = len(self.boxes)
        self.keypoints = np.asarray(self.keypoints, np.float32)
        self.scores = np.asarray(self.scores, np.float32)
        if m == 0:
            v = self.keypoints.shape[1] if self.keypoints.ndim == 3 \
                else NUM_JOINTS
            self.keypoints, self.scores = _empty((0, v, 2)), _empty((0, v))
        else:
            self.keypoints = self.keypoints.reshape(m, -1, 2)
            self.scores = self.scores.reshape(m, -1)
        if self.keypoints.shape[1] != self.scores.shape[1]:
            raise ValueError(
                f'keypoints {self.keypoints.shape} and scores '
                f'{self.scores.shape} disagree on the number of joints')
        if self.box_scores is None:
            self.box_scores = (self.scores.mean(1) if m else _empty((0, )))
        self.box_scores = np.asarray(self.box_scores, np.float32).reshape(m)
        if self.track_ids is None:
            self.track_ids = np.full(m, -1, np.int64)
        self.track_ids = np.asarray(self.track_ids, np.int64).reshape(m)

    def __len__(self) -> int:
        return len(self.boxes)

    def select(self, index: Any) -> FramePoses:
        """A new :class:`FramePoses` of the people ``index`` (mask or
        indices)."""
        return FramePoses(self.boxes[index], self.keypoints[index],
                          self.scores[index], self.box_scores[index],
                          self.track_ids[index])


def boxes_from_keypoints(keypoints: np.ndarray,
                         scores: np.ndarray,
                         score_thr: float = 0.3,
                         margin: float = 0.1) -> np.ndarray:
    """Person boxes around the confident keypoints, grown by ``margin``.

    Args:
        keypoints: ``(M, V, 2)`` pixels.
        scores: ``(M, V)``; joints under ``score_thr`` are ignored unless no
            joint of that person passes it.
        margin: Fraction of the box size added on every side.

    Returns:
        ``(M, 4)`` boxes ``x1, y1, x2, y2``.
    """
    boxes = np.zeros((len(keypoints), 4), np.float32)
    for i, (kp, sc) in enumerate(zip(keypoints, scores)):
        keep = sc >= score_thr
        pts = kp[keep] if keep.any() else kp
        (x1, y1), (x2, y2) = pts.min(0), pts.max(0)
        dx, dy = (x2 - x1) * margin, (y2 - y1) * margin
        boxes[i] = (x1 - dx, y1 - dy, x2 + dx, y2 + dy)
    return boxes


class PoseBackend(metaclass=ABCMeta):
    """Frame → :class:`FramePoses` (COCO-17)."""

    #: Name used by :func:`build_pose_backend` and the command lines.
    name: str = ''

    @abstractmethod
    def __call__(self, frame_bgr: np.ndarray) -> FramePoses:
        """Estimate the poses of every person in one ``(H, W, 3)`` uint8
        BGR frame."""

    def reset(self) -> None:
        """Forget any state carried between frames (new video)."""

    def close(self) -> None:
        """Release native resources."""

    def __enter__(self) -> PoseBackend:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
