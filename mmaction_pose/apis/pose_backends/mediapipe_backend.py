# Copyright (c) mmaction-pose. All rights reserved.
"""Offline multi-person pose backend on the BlazePose models of mediapipe.

mediapipe 0.10.21 is the last release whose wheel ships the BlazePose person
detector (``modules/pose_detection/pose_detection.tflite``) and landmark
model (``modules/pose_landmark/pose_landmark_full.tflite``), so this backend
needs no download. It runs them top-down, one region of interest (ROI) per
person, through two small mediapipe graphs built from the subgraphs that the
wheel registers (``PoseDetectionCpu`` and ``PoseLandmarkByRoiCpu``, the
pieces of mediapipe's own single-person ``solutions.pose``):

1. **Detection** (every ``detect_interval`` frames while fewer than
   ``max_people`` people are tracked): the detector runs on the frame and,
   for wide frames, on square tiles along the long side (people a quarter of
   the frame height tall are otherwise too small for its 224 px input).
   Every detection becomes an ROI (hip centre, body-circle radius x 1.25,
   upright rotation, as mediapipe's ``PoseDetectionToRoi``); detections that
   overlap a tracked person are dropped.
2. **Landmarks by ROI** (every person, every frame): 33 landmarks plus two
   auxiliary alignment points, from which the person's ROI in the next frame
   is computed (mediapipe's ``PoseLandmarksToRoi``). A person whose pose
   presence falls under mediapipe's 0.5 threshold is dropped.

Why not the Tasks ``PoseLandmarker`` (a ``.task`` bundle of the same two
models with added metadata)? Measured on mmaction2's two-person
``demo_skeleton.mp4``: in VIDEO mode it never re-runs the detector while it
tracks anyone (1 of 2 people in all 72 frames); in IMAGE mode it re-detects
every frame and loses one of two overlapping people (one person in 46/72
frames). Per-person ROI tracking keeps both through the hug.

The 33 BlazePose landmarks are mapped to COCO-17 by joint name.
"""
from __future__ import annotations

import math
from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import COCO17

from .base import FramePoses, PoseBackend, boxes_from_keypoints

# The 33 BlazePose landmark names (mediapipe ``PoseLandmark`` enum order).
BLAZEPOSE33: tuple[str, ...] = (
    'nose', 'left_eye_inner', 'left_eye', 'left_eye_outer',
    'right_eye_inner', 'right_eye', 'right_eye_outer', 'left_ear',
    'right_ear', 'mouth_left', 'mouth_right', 'left_shoulder',
    'right_shoulder', 'left_elbow', 'right_elbow', 'left_wrist',
    'right_wrist', 'left_pinky', 'right_pinky', 'left_index', 'right_index',
    'left_thumb', 'right_thumb', 'left_hip', 'right_hip', 'left_knee',
    'right_knee', 'left_ankle', 'right_ankle', 'left_heel', 'right_heel',
    'left_foot_index', 'right_foot_index')

#: BlazePose landmark feeding every COCO-17 joint (matched by name).
BLAZEPOSE_TO_COCO17: tuple[int, ...] = tuple(
    BLAZEPOSE33.index(name) for name in COCO17.joints)

_MISSING = ('mediapipe is required for the offline pose backend: '
            'pip install "mediapipe==0.10.21" (the last release whose wheel '
            'bundles the BlazePose models) or pip install '
            '"mmaction-pose[demo]"')

_DETECTION_GRAPH = """
input_stream: "image"
output_stream: "detections"
node {
  calculator: "PoseDetectionCpu"
  input_stream: "IMAGE:image"
  output_stream: "DETECTIONS:detections"
}
"""

_LANDMARK_GRAPH = """
input_stream: "image"
input_stream: "roi"
input_side_packet: "model_complexity"
input_side_packet: "enable_segmentation"
output_stream: "landmarks"
output_stream: "auxiliary"
node {
  calculator: "PoseLandmarkByRoiCpu"
  input_stream: "IMAGE:image"
  input_stream: "ROI:roi"
  output_stream: "LANDMARKS:landmarks"
  output_stream: "AUXILIARY_LANDMARKS:auxiliary"
  input_side_packet: "MODEL_COMPLEXITY:model_complexity"
  input_side_packet: "ENABLE_SEGMENTATION:enable_segmentation"
}
"""


def _solution(graph: str, side_inputs: dict | None = None) -> Any:
    """A mediapipe ``SolutionBase`` running one of the graphs above."""
    try:
        from google.protobuf import text_format
        from mediapipe.framework import calculator_pb2
        from mediapipe.python.solution_base import SolutionBase
    except ImportError as e:
        raise ImportError(_MISSING) from e
    config = text_format.Parse(graph, calculator_pb2.CalculatorGraphConfig())
    try:
        return SolutionBase(graph_config=config, side_inputs=side_inputs)
    except (RuntimeError, ValueError) as e:
        raise RuntimeError(
            f'cannot start the BlazePose graph ({e}); the installed '
            'mediapipe must bundle the BlazePose models: ' + _MISSING) from e


def alignment_roi(center: np.ndarray, scale_point: np.ndarray,
                  scale: float = 1.25) -> np.ndarray:
    """Square ROI from two alignment points (mediapipe's pose ROI rule).

    Args:
        center: ``(x, y)`` pixels of the hip centre.
        scale_point: ``(x, y)`` pixels of the point on the body circle
            (above the head); the distance is the circle radius.
        scale: Enlargement of the circle's bounding square.

    Returns:
        ``(cx, cy, side, rotation)``: centre and side in pixels, rotation in
        radians in ``[-pi, pi)`` that makes the body upright.
    """
    dx, dy = scale_point - center
    rotation = math.pi / 2 - math.atan2(-dy, dx)
    rotation -= 2 * math.pi * math.floor((rotation + math.pi) / (2 * math.pi))
    side = 2.0 * math.hypot(dx, dy) * scale
    return np.array([center[0], center[1], side, rotation], np.float64)


def same_person(a: np.ndarray, b: np.ndarray, max_shift: float) -> bool:
    """Whether two ROIs frame one person: their centres (hip centres) are
    closer than ``max_shift`` times the larger side. (Box IoU cannot tell:
    the square ROIs of two people standing side by side overlap a lot.)"""
    dist = math.hypot(a[0] - b[0], a[1] - b[1])
    return dist < max_shift * max(a[2], b[2])


def _iou(a: np.ndarray, b: np.ndarray) -> float:
    w = min(a[2], b[2]) - max(a[0], b[0])
    h = min(a[3], b[3]) - max(a[1], b[1])
    inter = max(w, 0) * max(h, 0)
    union = ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) *
             (b[3] - b[1]) - inter)
    return float(inter / union) if union > 0 else 0.0


def square_tiles(height: int, width: int,
                 min_aspect: float = 1.5) -> list[tuple[int, int, int]]:
    """Square detection tiles ``(x, y, side)`` along a wide frame's long side.

    Frames whose aspect ratio is under ``min_aspect`` get no tiles (the
    letter-boxed full frame suffices). Tiles overlap by at least half a side.
    """
    long_side, short_side = max(height, width), min(height, width)
    if long_side < min_aspect * short_side:
        return []
    n = math.ceil(2 * long_side / short_side) - 1
    starts = np.linspace(0, long_side - short_side, n).round().astype(int)
    if width >= height:
        return [(int(s), 0, short_side) for s in starts]
    return [(0, int(s), short_side) for s in starts]


class MediaPipePoseBackend(PoseBackend):
    """Multi-person BlazePose, top-down with per-person ROI tracking.

    Args:
        max_people: Most people tracked at once.
        detect_interval: While fewer than ``max_people`` people are tracked,
            run the detector every this many frames (1: every frame). With
            nobody tracked it runs every frame.
        min_detection_score: Person-detector threshold.
        tiles: Also detect on square tiles of wide frames (see
            :func:`square_tiles`).
        max_shift: A detection whose ROI centre lies within this fraction
            of the ROI side from a tracked person's is that person (see
            :func:`same_person`).
        dedup_iou: Two people whose keypoint boxes overlap by more than this
            IoU are one (their ROIs converged; the less confident one is
            dropped).
        score: Keypoint score: ``'visibility'`` (mediapipe's probability that
            the joint is visible) or ``'presence'`` (that it is in the
            image).
        box_margin: Fraction by which keypoint boxes are grown.
    """

    name = 'mediapipe'

    def __init__(self,
                 max_people: int = 2,
                 detect_interval: int = 5,
                 min_detection_score: float = 0.5,
                 tiles: bool = True,
                 max_shift: float = 0.2,
                 dedup_iou: float = 0.7,
                 score: str = 'visibility',
                 box_margin: float = 0.1) -> None:
        if score not in ('visibility', 'presence'):
            raise ValueError(
                f'score must be visibility or presence, got {score!r}')
        self.max_people = max_people
        self.detect_interval = max(1, detect_interval)
        self.min_detection_score = min_detection_score
        self.tiles = tiles
        self.max_shift = max_shift
        self.dedup_iou = dedup_iou
        self.score = score
        self.box_margin = box_margin
        self._detector = _solution(_DETECTION_GRAPH)
        self._landmarker = _solution(
            _LANDMARK_GRAPH,
            dict(model_complexity=1, enable_segmentation=False))
        self._rois: list[np.ndarray] = []
        self._since_detection = 0

    # -- the two graphs ---------------------------------------------------
    def detect(self, rgb: np.ndarray) -> list[np.ndarray]:
        """Person ROIs ``(cx, cy, side, rotation)`` found in an RGB frame,
        best first, with duplicates across tiles removed."""
        h, w = rgb.shape[:2]
        regions = [(0, 0, w, h)]
        if self.tiles:
            regions += [(x, y, s, s) for x, y, s in square_tiles(h, w)]
        found: list[tuple[float, np.ndarray]] = []
        for x, y, rw, rh in regions:
            crop = np.ascontiguousarray(rgb[y:y + rh, x:x + rw])
            out = self._detector.process({'image': crop})
            for det in out.detections or []:
                score = det.score[0] if det.score else 0.0
                if score < self.min_detection_score:
                    continue
                kps = det.location_data.relative_keypoints
                pts = np.array([(k.x * rw + x, k.y * rh + y)
                                for k in kps[:2]])
                found.append((score, alignment_roi(pts[0], pts[1])))
        found.sort(key=lambda item: -item[0])
        rois: list[np.ndarray] = []
        for _, roi in found:
            if not any(same_person(roi, r, self.max_shift) for r in rois):
                rois.append(roi)
        return rois

    def landmarks(self, rgb: np.ndarray, roi: np.ndarray
                  ) -> tuple[np.ndarray, np.ndarray] | None:
        """``(33, 3)`` landmarks ``x, y, score`` (pixels) of the person in
        ``roi`` and the person's next ROI; None if nobody is there."""
        from mediapipe.framework.formats import rect_pb2
        h, w = rgb.shape[:2]
        cx, cy, side, rotation = roi
        rect = rect_pb2.NormalizedRect(
            x_center=cx / w, y_center=cy / h, width=side / w,
            height=side / h, rotation=rotation)
        out = self._landmarker.process({'image': rgb, 'roi': rect})
        if out.landmarks is None or out.auxiliary is None:
            return None
        points = np.array([(lm.x * w, lm.y * h, getattr(lm, self.score))
                           for lm in out.landmarks.landmark], np.float32)
        aux = np.array([(lm.x * w, lm.y * h)
                        for lm in out.auxiliary.landmark[:2]])
        return points, alignment_roi(aux[0], aux[1])

    # -- PoseBackend ------------------------------------------------------
    def __call__(self, frame_bgr: np.ndarray) -> FramePoses:
        if frame_bgr is None or frame_bgr.ndim != 3 or \
                frame_bgr.shape[2] != 3:
            raise ValueError('expected an (H, W, 3) BGR frame')
        rgb = np.ascontiguousarray(frame_bgr[..., ::-1])
        rois = list(self._rois)
        self._since_detection += 1
        if len(rois) < self.max_people and (
                not rois or self._since_detection >= self.detect_interval):
            self._since_detection = 0
            for roi in self.detect(rgb):
                if len(rois) >= self.max_people:
                    break
                if not any(
                        same_person(roi, r, self.max_shift) for r in rois):
                    rois.append(roi)
        people, next_rois = [], []
        for roi in rois:
            found = self.landmarks(rgb, roi)
            if found is not None:
                people.append(found[0])
                next_rois.append(found[1])
        if not people:
            self._rois = []
            return FramePoses()
        raw = np.stack(people)[:, BLAZEPOSE_TO_COCO17]
        keypoints, scores = raw[..., :2], np.clip(raw[..., 2], 0, 1)
        boxes = boxes_from_keypoints(keypoints, scores,
                                     margin=self.box_margin)
        keep = self._dedup(boxes, scores.mean(1))
        self._rois = [next_rois[i] for i in keep]
        return FramePoses(boxes[keep], keypoints[keep], scores[keep])

    def _dedup(self, boxes: np.ndarray, conf: np.ndarray) -> list[int]:
        """Indices of the people kept when two ROIs converged on one."""
        keep: list[int] = []
        for i in np.argsort(-conf, kind='stable'):
            if all(_iou(boxes[i], boxes[j]) <= self.dedup_iou for j in keep):
                keep.append(int(i))
        return sorted(keep)

    def reset(self) -> None:
        """Forget the tracked people (call before another video)."""
        self._rois = []
        self._since_detection = 0

    def close(self) -> None:
        for graph in (self._detector, self._landmarker):
            if graph is not None:
                graph.close()
        self._detector = self._landmarker = None
