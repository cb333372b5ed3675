# Copyright (c) mmaction-pose. All rights reserved.
"""Render skeleton sequences as simple synthetic videos of people.

Real RGB with matching poses is scarce here (one JHMDB clip), while Penn
Action ships 2326 clips of real human *motion* as ground-truth 2D joints.
:func:`render_clip` turns such a clip into frames of a filled, clothed
2D figure (torso polygon, shirt-coloured upper arms, skin-coloured
forearms and head, trouser-coloured legs) on a random textured background,
with random clothing colours and a smooth random camera shake, so that RGB
and RGB+pose models can be trained and tested on real motion. It is a
**rendering, not real footage**: no texture, lighting or appearance of real
people; accuracies on it say nothing about real video.

Body parts are found by joint *names* of the :class:`SkeletonLayout`
(``*_shoulder``, ``*_elbow``, ``*_wrist``, ``*_hip``, ``*_knee``,
``*_ankle``, ``head``/``nose``/``face``/``neck``), so every layout with
those names works (Penn-13, COCO-17, JHMDB-15, NTU-25).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from mmaction_pose.structures.skeleton_layouts import SkeletonLayout

_PART_OF = (  # (joint-name suffix pair) → part, checked in order
    (('shoulder', 'elbow'), 'upper_arm'), (('elbow', 'wrist'), 'forearm'),
    (('hip', 'knee'), 'thigh'), (('knee', 'ankle'), 'shin'))
_HEAD_NAMES = ('head', 'nose', 'face')


@dataclass
class PersonStyle:
    """Colours (BGR) and proportions of one rendered person."""

    shirt: tuple[int, int, int]
    trousers: tuple[int, int, int]
    skin: tuple[int, int, int]
    hair: tuple[int, int, int]
    limb_width: float  # fraction of the torso height
    head_size: float  # head radius, fraction of the torso height


def random_style(rng: np.random.Generator) -> PersonStyle:
    """Random clothing, skin and hair colours and body proportions."""
    def colour(lo: int = 20, hi: int = 235) -> tuple[int, int, int]:
        return tuple(int(c) for c in rng.integers(lo, hi, 3))

    skin_tones = ((60, 90, 140), (80, 120, 180), (110, 160, 215),
                  (140, 190, 235), (45, 65, 100))
    skin = np.array(skin_tones[rng.integers(len(skin_tones))])
    skin = np.clip(skin + rng.integers(-15, 16, 3), 0, 255)
    return PersonStyle(shirt=colour(), trousers=colour(10, 200),
                       skin=tuple(int(c) for c in skin),
                       hair=colour(0, 90), limb_width=rng.uniform(.2, .3),
                       head_size=rng.uniform(.26, .34))


def random_background(height: int, width: int,
                      rng: np.random.Generator) -> np.ndarray:
    """A wall/floor scene: two gradients, a few blocks, texture noise."""
    import cv2
    img = np.empty((height, width, 3), np.float32)
    horizon = int(height * rng.uniform(.45, .8))
    for (y0, y1) in ((0, horizon), (horizon, height)):
        top, bottom = rng.uniform(30, 230, 3), rng.uniform(30, 230, 3)
        ramp = np.linspace(0, 1, max(y1 - y0, 1))[:, None, None]
        img[y0:y1] = top * (1 - ramp) + bottom * ramp
    for _ in range(rng.integers(2, 6)):
        x0, y0 = rng.integers(0, width), rng.integers(0, horizon + 1)
        w, h = rng.integers(width // 10, width // 3, 2)
        cv2.rectangle(img, (int(x0), int(y0)), (int(x0 + w), int(y0 + h)),
                      tuple(float(c) for c in rng.uniform(20, 235, 3)), -1)
    noise = rng.normal(0, rng.uniform(3, 12), (height // 4 + 1,
                                               width // 4 + 1, 3))
    noise = cv2.resize(noise.astype(np.float32), (width, height))
    return np.clip(img + noise, 0, 255).astype(np.uint8)


def camera_path(num_frames: int, rng: np.random.Generator,
                shift: float = 0.03, zoom: float = 0.03) -> np.ndarray:
    """Smooth random camera shake: ``(T, 3)`` of ``(dx, dy, scale - 1)``,
    shifts as fractions of the frame size."""
    steps = rng.normal(0, 1, (num_frames + 8, 3))
    kernel = np.hanning(9) / np.hanning(9).sum()
    smooth = np.stack([np.convolve(steps[:, i], kernel, 'valid')
                       for i in range(3)], 1)[:num_frames]
    smooth /= np.abs(smooth).max(0, keepdims=True) + 1e-6
    return smooth * np.array([shift, shift, zoom])


def fit_to_frame(keypoint: np.ndarray, score: np.ndarray, size: int,
                 margin: float = 0.12) -> tuple[float, np.ndarray]:
    """Scale and offset that fit every annotated joint of the clip inside a
    ``size`` x ``size`` frame with ``margin`` on each side (aspect kept).

    Returns:
        ``(scale, offset)``: output = keypoint * scale + offset.
    """
    pts = keypoint[score > 0]
    if not len(pts):
        return 1.0, np.zeros(2)
    lo, hi = pts.min(0), pts.max(0)
    extent = max(float((hi - lo).max()), 1.0)
    scale = size * (1 - 2 * margin) / extent
    offset = size / 2 - (lo + hi) / 2 * scale
    return scale, offset


def _parts(layout: SkeletonLayout) -> dict[str, list[tuple[int, int]]]:
    parts: dict[str, list[tuple[int, int]]] = {}
    for a, b in layout.limbs:
        names = (layout.joints[a], layout.joints[b])
        for (ja, jb), part in _PART_OF:
            if (names[0].endswith(ja) and names[1].endswith(jb)) or \
                    (names[0].endswith(jb) and names[1].endswith(ja)):
                parts.setdefault(part, []).append((a, b))
    return parts


def _find(layout: SkeletonLayout, *names: str) -> list[int]:
    return [layout.index(n) for n in names if n in layout.joints]


def render_person(canvas: np.ndarray, keypoint: np.ndarray,
                  score: np.ndarray, layout: SkeletonLayout,
                  style: PersonStyle) -> None:
    """Draw one person (``(V, 2)`` pixels, joints with score 0 absent) in
    place on a BGR ``canvas``."""
    import cv2
    ok = score > 0
    torso_ids = _find(layout, 'left_shoulder', 'right_shoulder',
                      'right_hip', 'left_hip')
    shoulders = [i for i in torso_ids[:2] if ok[i]]
    hips = [i for i in torso_ids[2:] if ok[i]]
    if shoulders and hips:
        torso_h = float(np.linalg.norm(keypoint[shoulders].mean(0) -
                                       keypoint[hips].mean(0)))
    else:
        pts = keypoint[ok]
        torso_h = float((pts.max(0) - pts.min(0)).max()) / 3 if len(
            pts) else 0.0
    if torso_h < 1:
        return
    width = max(2, int(round(style.limb_width * torso_h)))
    parts = _parts(layout)

    def limb(a: int, b: int, colour: tuple[int, int, int], w: int) -> None:
        if ok[a] and ok[b]:
            cv2.line(canvas, tuple(np.round(keypoint[a]).astype(int)),
                     tuple(np.round(keypoint[b]).astype(int)), colour, w,
                     cv2.LINE_AA)

    for a, b in parts.get('thigh', []):
        limb(a, b, style.trousers, int(width * 1.25))
    for a, b in parts.get('shin', []):
        limb(a, b, style.trousers, width)
    if len(shoulders) + len(hips) >= 3:
        poly = np.round(keypoint[[i for i in torso_ids if ok[i]]]).astype(
            np.int32)
        cv2.fillConvexPoly(canvas, cv2.convexHull(poly), style.shirt,
                           cv2.LINE_AA)
        cv2.polylines(canvas, [cv2.convexHull(poly)], True, style.shirt,
                      width, cv2.LINE_AA)
    for a, b in parts.get('upper_arm', []):
        limb(a, b, style.shirt, width)
    for a, b in parts.get('forearm', []):
        limb(a, b, style.skin, max(2, int(width * 0.8)))
    head = [i for i in _find(layout, *_HEAD_NAMES) if ok[i]]
    if head:
        centre = keypoint[head[0]]
    elif shoulders:
        up = (keypoint[shoulders].mean(0) - keypoint[hips].mean(0)) if \
            hips else np.array([0.0, -torso_h])
        centre = keypoint[shoulders].mean(0) + up * 0.45
    else:
        return
    radius = max(2, int(round(style.head_size * torso_h)))
    c = tuple(np.round(centre).astype(int))
    if shoulders:
        neck = tuple(np.round(keypoint[shoulders].mean(0)).astype(int))
        cv2.line(canvas, neck, c, style.skin, max(2, width // 2),
                 cv2.LINE_AA)
    cv2.circle(canvas, c, radius, style.skin, -1, cv2.LINE_AA)
    cv2.ellipse(canvas, c, (radius, radius), 0, 180, 360, style.hair,
                max(2, radius // 2), cv2.LINE_AA)


def render_clip(keypoint: np.ndarray, keypoint_score: np.ndarray,
                layout: SkeletonLayout, size: int = 160,
                rng: np.random.Generator | None = None,
                draw: bool = True, shake: float = 0.03
                ) -> tuple[np.ndarray | None, np.ndarray]:
    """Render a clip of ``M`` people.

    Args:
        keypoint: ``(M, T, V, 2)`` pixels (any frame size).
        keypoint_score: ``(M, T, V)``; joints with score 0 are not drawn.
        layout: The joints' layout (``V`` joints).
        size: Output frames are ``size`` x ``size``.
        rng: Random styles, background and camera path.
        draw: False computes only the output keypoints (cheap; the same
            ``rng`` seed gives the same keypoints as a drawn clip).
        shake: Camera shake amplitude (fraction of ``size``; the zoom
            shake is the same fraction).

    Returns:
        ``frames (T, size, size, 3)`` uint8 BGR (None if ``draw`` is
        False) and the keypoints ``(M, T, V, 2)`` in output pixels (zeros
        stay zeros).
    """
    import cv2
    rng = rng or np.random.default_rng()
    m, t_len = keypoint.shape[:2]
    styles = [random_style(rng) for _ in range(m)]
    pad = int(round(size * (2 * shake + 0.02)))
    background = random_background(size + 2 * pad, size + 2 * pad, rng)
    path = camera_path(t_len, rng, shake, shake)
    scale, offset = fit_to_frame(keypoint, keypoint_score, size)
    out_kp = np.zeros_like(keypoint, dtype=np.float32)
    frames = np.empty((t_len, size, size, 3), np.uint8) if draw else None
    order = np.argsort(-keypoint_score.reshape(m, -1).sum(1))[::-1]
    for t in range(t_len):
        dx, dy, dz = path[t]
        zoom = 1 + dz
        # camera: zoom about the centre, then shift (same for scene and
        # people, so the keypoints stay on the rendered bodies)
        cam = np.array([[zoom, 0, (1 - zoom) * size / 2 + dx * size],
                        [0, zoom, (1 - zoom) * size / 2 + dy * size]])
        valid = keypoint_score[:, t] > 0
        pts = keypoint[:, t] * scale + offset
        pts = pts @ cam[:, :2].T + cam[:, 2]
        out_kp[:, t] = np.where(valid[..., None], pts, 0)
        if not draw:
            continue
        bg = cam.copy()
        bg[:, 2] -= pad * zoom
        frame = cv2.warpAffine(background, bg, (size, size),
                               flags=cv2.INTER_LINEAR,
                               borderMode=cv2.BORDER_REFLECT)
        for i in order:
            render_person(frame, out_kp[i, t], keypoint_score[i, t], layout,
                          styles[i])
        frames[t] = frame
    return frames, out_kp


# -- one sample → one mp4 (used by tools/data/render_pose_videos.py; module
# level so that spawned worker processes can import it) ---------------------
def guess_layout(num_joints: int, name: str | None = None) -> SkeletonLayout:
    """The layout named ``name``, or the only one with ``num_joints``."""
    from mmaction_pose.structures.skeleton_layouts import LAYOUTS, get_layout
    if name:
        return get_layout(name)
    matches = [lay for lay in LAYOUTS.values()
               if lay.num_joints == num_joints]
    if len(matches) != 1:
        raise ValueError(f'cannot guess the layout of {num_joints} joints; '
                         'pass --layout')
    return matches[0]


def render_sample(job: dict) -> dict | str:
    """Render ``job['anno']`` to ``job['path']`` (an mp4).

    Args:
        job: ``anno`` (a PoseDataset annotation), ``path``, ``size``,
            ``fps``, ``seed`` (the sample's seed), ``layout`` (name or
            None) and ``overwrite`` (False keeps an existing video and only
            recomputes its keypoints, which the seed makes identical).

    Returns:
        The annotation of the rendered video (keypoints in its pixels,
        ``img_shape = original_shape = (size, size)``, ``rendered=True``),
        or an error message.
    """
    import os

    import cv2

    from .video_check import video_frame_count
    anno = job['anno']
    try:
        keypoint = np.asarray(anno['keypoint'], np.float32)[..., :2]
        score = anno.get('keypoint_score')
        score = np.ones(keypoint.shape[:3], np.float32) if score is None \
            else np.asarray(score, np.float32)
        layout = guess_layout(keypoint.shape[2], job.get('layout'))
        size, path = job['size'], job['path']
        draw = job.get('overwrite', False) or \
            video_frame_count(path) != keypoint.shape[1]
        frames, out_kp = render_clip(keypoint, score, layout, size,
                                     np.random.default_rng(job['seed']),
                                     draw=draw)
        if draw:
            tmp = path[:-4] + '.tmp.mp4'
            writer = cv2.VideoWriter(tmp, cv2.VideoWriter_fourcc(*'mp4v'),
                                     job.get('fps', 30.0), (size, size))
            if not writer.isOpened():
                raise OSError(f'cannot write {tmp}')
            for frame in frames:
                writer.write(frame)
            writer.release()
            os.replace(tmp, path)
    except Exception as e:  # reported by the caller, the run goes on
        return f'{anno.get("frame_dir")}: {type(e).__name__}: {e}'
    out = {k: v for k, v in anno.items() if k not in ('keypoint', 'box')}
    out.update(keypoint=out_kp.astype(np.float16), keypoint_score=score,
               img_shape=(size, size), original_shape=(size, size),
               total_frames=int(keypoint.shape[1]), rendered=True)
    return out
