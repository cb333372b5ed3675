# Copyright (c) mmaction-pose. All rights reserved.
"""Simple person tracking: every skeleton keeps its index across frames.

mmaction2's ``inference_skeleton`` stacks people in per-frame *detection*
order, so person 0 of frame t and person 0 of frame t+1 may be different
people. :class:`PoseTracker` matches the people of each frame to the
existing tracks with the Hungarian algorithm (``scipy``) on a similarity that
mixes box IoU and an OKS-like keypoint similarity (as PYSKL's
``pose_tracking``, plus boxes). Unmatched people open new tracks; a track
missed for more than ``max_age`` frames is closed. Frames without anybody
are fine (mmaction2's demo crashes on them).

:func:`stack_tracks` turns the tracked frames into the ``(M, T, V, 2)``
arrays of a PoseDataset annotation, track ``i`` at index ``i`` (zeros where
the person is absent).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .base import FramePoses


def box_iou(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise IoU of ``(N, 4)`` and ``(K, 4)`` ``x1, y1, x2, y2`` boxes."""
    lt = np.maximum(a[:, None, :2], b[None, :, :2])
    rb = np.minimum(a[:, None, 2:], b[None, :, 2:])
    inter = np.prod(np.clip(rb - lt, 0, None), axis=2)
    area_a = np.prod(np.clip(a[:, 2:] - a[:, :2], 0, None), axis=1)
    area_b = np.prod(np.clip(b[:, 2:] - b[:, :2], 0, None), axis=1)
    union = area_a[:, None] + area_b[None] - inter
    return np.where(union > 0, inter / np.maximum(union, 1e-9), 0.0)


def keypoint_similarity(kp_a: np.ndarray, sc_a: np.ndarray,
                        kp_b: np.ndarray, sc_b: np.ndarray,
                        boxes_b: np.ndarray, kappa: float = 0.1,
                        score_thr: float = 0.2) -> np.ndarray:
    """OKS-like similarity in ``[0, 1]`` of ``(N, V, 2)`` and ``(K, V, 2)``
    poses, over the joints confident in both.

    ``exp(-d^2 / (2 (kappa * s)^2))`` averaged over joints, ``s`` the
    diagonal of the ``b`` person's box (a uniform COCO-style falloff).
    """
    dist2 = np.sum((kp_a[:, None] - kp_b[None]) ** 2, axis=-1)  # (N, K, V)
    wh = np.clip(boxes_b[:, 2:] - boxes_b[:, :2], 1, None)
    scale2 = (kappa ** 2) * np.sum(wh ** 2, axis=1)  # (K,)
    sim = np.exp(-dist2 / (2 * scale2[None, :, None]))
    valid = (sc_a[:, None] > score_thr) & (sc_b[None] > score_thr)
    count = valid.sum(-1)
    return np.where(count > 0,
                    (sim * valid).sum(-1) / np.maximum(count, 1), 0.0)


@dataclass
class _Track:
    track_id: int
    poses: FramePoses  # the one person last seen
    last_frame: int
    hits: int = 1


class PoseTracker:
    """Multi-person tracker over :class:`FramePoses` (Hungarian matching).

    Args:
        iou_weight: Weight of box IoU in the similarity; the rest is
            keypoint similarity.
        min_similarity: Matches below it are rejected (new track).
        max_age: Frames a track may be missed before it is closed.
        max_tracks: If set, people beyond this many live tracks are dropped
            (least confident first) instead of opening new tracks.
    """

    def __init__(self,
                 iou_weight: float = 0.5,
                 min_similarity: float = 0.1,
                 max_age: int = 30,
                 max_tracks: int | None = None) -> None:
        self.iou_weight = iou_weight
        self.min_similarity = min_similarity
        self.max_age = max_age
        self.max_tracks = max_tracks
        self.reset()

    def reset(self) -> None:
        """Close every track; the next track id is 0 again."""
        self._tracks: list[_Track] = []
        self._next_id = 0
        self._frame = -1

    @property
    def num_tracks(self) -> int:
        """Tracks opened so far (= the ``M`` of :func:`stack_tracks`)."""
        return self._next_id

    def similarity(self, poses: FramePoses) -> np.ndarray:
        """``(live tracks, people)`` similarity matrix."""
        if not self._tracks or not len(poses):
            return np.zeros((len(self._tracks), len(poses)))
        prev = FramePoses(
            np.concatenate([t.poses.boxes for t in self._tracks]),
            np.concatenate([t.poses.keypoints for t in self._tracks]),
            np.concatenate([t.poses.scores for t in self._tracks]))
        iou = box_iou(prev.boxes, poses.boxes)
        oks = keypoint_similarity(prev.keypoints, prev.scores,
                                  poses.keypoints, poses.scores, prev.boxes)
        return self.iou_weight * iou + (1 - self.iou_weight) * oks

    def update(self, poses: FramePoses) -> FramePoses:
        """Assign a track id to every person of the next frame.

        Returns:
            The same people (possibly fewer, see ``max_tracks``) with
            ``track_ids`` set.
        """
        from scipy.optimize import linear_sum_assignment
        self._frame += 1
        self._tracks = [t for t in self._tracks
                        if self._frame - t.last_frame <= self.max_age]
        ids = np.full(len(poses), -1, np.int64)
        sim = self.similarity(poses)
        if sim.size:
            rows, cols = linear_sum_assignment(-sim)
            for r, c in zip(rows, cols):
                if sim[r, c] >= self.min_similarity:
                    ids[c] = self._tracks[r].track_id
        for c in np.argsort(-poses.box_scores, kind='stable'):
            if ids[c] >= 0:
                continue
            if self.max_tracks is not None and \
                    len(self._tracks) >= self.max_tracks:
                continue
            ids[c] = self._next_id
            self._tracks.append(
                _Track(self._next_id, poses.select([c]), self._frame, 0))
            self._next_id += 1
        by_id = {t.track_id: t for t in self._tracks}
        for c, tid in enumerate(ids):
            if tid >= 0:
                track = by_id[int(tid)]
                track.poses = poses.select([c])
                track.last_frame = self._frame
                track.hits += 1
        keep = ids >= 0
        out = poses.select(keep)
        out.track_ids = ids[keep]
        return out


def stack_tracks(frames: Sequence[FramePoses],
                 max_people: int | None = None,
                 num_joints: int | None = None
                 ) -> dict[str, np.ndarray]:
    """Tracked frames → PoseDataset arrays, one row per track.

    Args:
        frames: One :class:`FramePoses` per video frame, with ``track_ids``
            (untracked people, id ``-1``, are placed in detection order
            after the largest id, as mmaction2 does).
        max_people: Keep only this many tracks: those with the largest
            summed keypoint score; kept tracks stay in id order.
        num_joints: ``V`` when no frame has anybody (default 17).

    Returns:
        ``keypoint (M, T, V, 2)``, ``keypoint_score (M, T, V)`` and
        ``box (M, T, 4)`` float32 arrays; zeros where a track is absent.
        ``M`` is 0 when nobody was found.
    """
    t_len = len(frames)
    v = num_joints
    ids: list[np.ndarray] = []
    for poses in frames:
        tid = np.asarray(poses.track_ids, np.int64).copy()
        untracked = np.flatnonzero(tid < 0)
        tid[untracked] = -1 - np.arange(len(untracked))  # -1, -2, ...
        ids.append(tid)
        if len(poses):
            v = poses.keypoints.shape[1]
    v = v or 17
    max_id = max((int(t.max()) for t in ids if len(t)), default=-1)
    max_untracked = max((int(-t.min()) for t in ids if len(t)), default=0)
    m = max_id + 1 + max(max_untracked, 0)
    keypoint = np.zeros((m, t_len, v, 2), np.float32)
    score = np.zeros((m, t_len, v), np.float32)
    box = np.zeros((m, t_len, 4), np.float32)
    for t, (poses, tid) in enumerate(zip(frames, ids)):
        row = np.where(tid >= 0, tid, max_id - tid)  # -1 → max_id + 1, ...
        keypoint[row, t] = poses.keypoints
        score[row, t] = poses.scores
        box[row, t] = poses.boxes
    total = score.sum(axis=(1, 2))
    keep = np.flatnonzero(total > 0)
    if max_people is not None and len(keep) > max_people:
        total = total[keep]
        keep = np.sort(keep[np.argsort(-total, kind='stable')[:max_people]])
    return dict(keypoint=keypoint[keep], keypoint_score=score[keep],
                box=box[keep])
