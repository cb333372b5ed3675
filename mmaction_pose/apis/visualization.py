# Copyright (c) mmaction-pose. All rights reserved.
"""Drawing skeletons, boxes, track ids, labels, FPS and pose attention on
BGR frames (cv2).

Limbs are coloured by side (left / right / centre, from the layout's joint
names), boxes and ids by track, so a person keeps their colour. RPAN's
attention maps are drawn as a heat map with a dot per joint, in the same
side colours (:func:`draw_attention`).
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


def _side(layout: SkeletonLayout, *joints: int) -> str:
    names = [layout.joints[j] for j in joints]
    for side in ('left', 'right'):
        if all(n.startswith(side + '_') for n in names):
            return side
    return 'centre'


def joint_colour(layout: SkeletonLayout, joint: int) -> tuple[int, int, int]:
    """The BGR colour of a joint's body side, as its limbs are drawn."""
    return _SIDE_COLOURS[_side(layout, joint)]


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


def attention_steps(frame_inds: Sequence[int], num_frames: int
                    ) -> np.ndarray:
    """The step shown at each video frame: the step of the latest sampled
    frame at or before it, held until the next sampled frame.

    Args:
        frame_inds: ``(T,)`` the video frame of each step.
        num_frames: Frames of the video.

    Returns:
        ``(num_frames,)`` step indices, ``-1`` before the first sampled
        frame (nothing to show yet).
    """
    inds = np.asarray(frame_inds).reshape(-1)
    order = np.argsort(inds, kind='stable')
    pos = np.searchsorted(inds[order], np.arange(num_frames),
                          side='right') - 1
    return np.where(pos >= 0, order[np.maximum(pos, 0)], -1)


def draw_attention(frame: np.ndarray, attention: np.ndarray,
                   keypoints: np.ndarray, layout: SkeletonLayout = COCO17,
                   alpha: float = 0.4, radius: int | None = None
                   ) -> np.ndarray:
    """One step of RPAN's pose attention over a frame.

    The sum of the joints' maps, upsampled to the frame (the maps cover the
    whole network input, so this assumes a test pipeline that resizes the
    whole frame, without a crop, as RPAN's does) and scaled to its maximum,
    is blended in as a JET heat map (red: most attended). Each joint gets a
    dot at its map's maximum, coloured by body side as the skeletons are.

    Args:
        frame: ``(H, W, 3)`` uint8 BGR; not modified.
        attention: ``(J, K1, K2)`` maps (a softmax over the grid each).
        keypoints: ``(J, 2)`` ``(x, y)`` of the joints' dots, frame pixels.
        layout: The model's joints (``J`` of them), for the side colours.
        alpha: Weight of the heat map.
        radius: Dot radius in pixels; None: about 1/80 of the short side.

    Returns:
        A new frame with the overlay.

    Raises:
        ValueError: the maps or dots do not have ``layout``'s joints.
    """
    import cv2
    attention = np.asarray(attention, np.float32)
    num = layout.num_joints
    if attention.ndim != 3 or len(attention) != num or \
            np.shape(keypoints) != (num, 2):
        raise ValueError(
            f'attention {attention.shape} and keypoints '
            f'{np.shape(keypoints)} must be ({num}, K1, K2) and ({num}, 2) '
            f'for {layout.name}')
    h, w = frame.shape[:2]
    heat = attention.sum(0)
    heat = heat / heat.max() if heat.max() > 0 else heat
    heat = cv2.resize(heat, (w, h), interpolation=cv2.INTER_LINEAR)
    heat = np.clip(np.round(heat * 255), 0, 255).astype(np.uint8)
    colour = cv2.applyColorMap(heat, cv2.COLORMAP_JET)
    out = cv2.addWeighted(frame, 1 - alpha, colour, alpha, 0)
    if radius is None:
        radius = max(2, round(min(h, w) / 80))
    for j, (x, y) in enumerate(np.round(keypoints).astype(int)):
        cv2.circle(out, (int(x), int(y)), radius + 1, (0, 0, 0), -1,
                   cv2.LINE_AA)
        cv2.circle(out, (int(x), int(y)), radius, joint_colour(layout, j),
                   -1, cv2.LINE_AA)
    return out
