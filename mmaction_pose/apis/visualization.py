# Copyright (c) mmaction-pose. All rights reserved.
"""Drawing skeletons, boxes, track ids, labels and FPS on BGR frames (cv2).

Limbs are coloured by side (left / right / centre, from the layout's joint
names), boxes and ids by track, so a person keeps their colour.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from mmaction_pose.structures.skeleton_layouts import COCO17, SkeletonLayout

from .pose_backends.base import FramePoses

# BGR
_SIDE_COLOURS = dict(left=(255, 128, 0), right=(0, 128, 255),
                     centre=(0, 220, 0))
_TRACK_COLOURS = ((0, 200, 255), (255, 80, 80), (80, 220, 80),
                  (220, 80, 220), (255, 220, 0), (0, 120, 255),
                  (180, 180, 180), (120, 60, 255))


def track_colour(track_id: int) -> tuple[int, int, int]:
    """A fixed colour per track id (``-1``: grey)."""
    if track_id < 0:
        return (160, 160, 160)
    return _TRACK_COLOURS[track_id % len(_TRACK_COLOURS)]


def _side(layout: SkeletonLayout, a: int, b: int) -> str:
    names = (layout.joints[a], layout.joints[b])
    for side in ('left', 'right'):
        if all(n.startswith(side + '_') for n in names):
            return side
    return 'centre'


def draw_skeleton(frame: np.ndarray, keypoints: np.ndarray,
                  scores: np.ndarray, layout: SkeletonLayout = COCO17,
                  score_thr: float = 0.3, thickness: int | None = None,
                  joint_colour: tuple[int, int, int] = (255, 255, 255)
                  ) -> np.ndarray:
    """Draw one person's ``(V, 2)`` keypoints in place; returns ``frame``."""
    import cv2
    if thickness is None:
        thickness = max(1, round(min(frame.shape[:2]) / 240))
    pts = np.round(keypoints).astype(int)
    for a, b in layout.limbs:
        if scores[a] >= score_thr and scores[b] >= score_thr:
            cv2.line(frame, tuple(pts[a]), tuple(pts[b]),
                     _SIDE_COLOURS[_side(layout, a, b)], thickness,
                     cv2.LINE_AA)
    for p, s in zip(pts, scores):
        if s >= score_thr:
            cv2.circle(frame, tuple(p), thickness + 1, joint_colour, -1,
                       cv2.LINE_AA)
    return frame


def draw_poses(frame: np.ndarray, poses: FramePoses,
               layout: SkeletonLayout = COCO17, score_thr: float = 0.3,
               show_boxes: bool = True, show_ids: bool = True
               ) -> np.ndarray:
    """Draw every person of ``poses`` (skeleton, box, track id) in place."""
    import cv2
    scale = max(0.4, min(frame.shape[:2]) / 480)
    for i in range(len(poses)):
        tid = int(poses.track_ids[i])
        colour = track_colour(tid)
        draw_skeleton(frame, poses.keypoints[i], poses.scores[i], layout,
                      score_thr)
        x1, y1, x2, y2 = np.round(poses.boxes[i]).astype(int)
        if show_boxes:
            cv2.rectangle(frame, (x1, y1), (x2, y2), colour,
                          max(1, round(scale)))
        if show_ids and tid >= 0:
            cv2.putText(frame, f'#{tid}', (x1 + 2, max(y1 - 4, 12)),
                        cv2.FONT_HERSHEY_SIMPLEX, 0.5 * scale, colour,
                        max(1, round(scale)), cv2.LINE_AA)
    return frame


def draw_text_panel(frame: np.ndarray, lines: Sequence[str],
                    origin: tuple[int, int] = (8, 8),
                    colour: tuple[int, int, int] = (255, 255, 255)
                    ) -> np.ndarray:
    """Text lines on a translucent dark box at ``origin`` (top-left)."""
    import cv2
    if not lines:
        return frame
    scale = max(0.4, min(frame.shape[:2]) / 600)
    thick = max(1, round(scale * 1.5))
    sizes = [cv2.getTextSize(t, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)[0]
             for t in lines]
    line_h = max(h for _, h in sizes) + int(8 * scale)
    x, y = origin
    w = max(w for w, _ in sizes) + int(12 * scale)
    h = line_h * len(lines) + int(6 * scale)
    x2, y2 = min(x + w, frame.shape[1]), min(y + h, frame.shape[0])
    roi = frame[y:y2, x:x2]
    roi[:] = (roi * 0.45).astype(frame.dtype)
    for i, text in enumerate(lines):
        cv2.putText(frame, text, (x + int(6 * scale), y + line_h * (i + 1)),
                    cv2.FONT_HERSHEY_SIMPLEX, scale, colour, thick,
                    cv2.LINE_AA)
    return frame


def format_predictions(labels: Sequence[tuple[str, float]]) -> list[str]:
    """``[(name, score)]`` → ``['name: 0.93', ...]``."""
    return [f'{name}: {score:.2f}' for name, score in labels]


def draw_frame(frame: np.ndarray, poses: FramePoses | None,
               labels: Sequence[tuple[str, float]] = (),
               fps: float | None = None, layout: SkeletonLayout = COCO17,
               score_thr: float = 0.3, status: str | None = None
               ) -> np.ndarray:
    """The demos' overlay: skeletons + boxes, top-k labels, FPS, status."""
    if poses is not None:
        draw_poses(frame, poses, layout, score_thr)
    lines = format_predictions(labels)
    if status:
        lines.append(status)
    if fps is not None:
        lines.append(f'{fps:.1f} FPS')
    return draw_text_panel(frame, lines)
