# Copyright (c) mmaction-pose. All rights reserved.
"""Real-time skeleton action recognition: camera/video → poses → actions.

Three threads (mmaction2's ``webcam_demo.py`` is RGB-only; PoseC3D in it
was "not supported", open-mmlab/mmaction2#1494):

* the **caller's thread** reads frames and renders them (skeletons, boxes,
  top-k labels, FPS), shows and/or writes them;
* a **pose thread** runs the pose backend + tracker on every frame it gets
  and appends the tracked poses to a sliding window;
* a **recognition thread** classifies the window every ``stride`` frames
  (the model's ``UniformSampleFrames`` samples its ``clip_len`` frames from
  the window).

For a live source (camera index or stream URL) frames are never queued: the
pose thread takes the newest frame and the caller renders every camera
frame with the newest poses ("render at camera rate"). For a video file
every frame is processed and rendered with its own poses, in order, as fast
as possible, which is what the FPS benchmark measures.
"""
from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .inference import SkeletonRecognizer
from .pose_backends.base import FramePoses, PoseBackend
from .pose_backends.tracking import PoseTracker, stack_tracks
from .video_io import VideoWriter, open_video, video_fps
from .visualization import draw_frame

_STOP = object()


@dataclass
class RealtimeStats:
    """What a run did; times in seconds."""

    frames_read: int = 0
    frames_rendered: int = 0
    frames_posed: int = 0
    recognitions: int = 0
    wall: float = 0.0
    pose_times: list[float] = field(default_factory=list)
    recognition_times: list[float] = field(default_factory=list)
    last_labels: list[tuple[str, float]] = field(default_factory=list)

    @property
    def fps(self) -> float:
        """End-to-end rendered frames per second."""
        return self.frames_rendered / self.wall if self.wall > 0 else 0.0

    def summary(self) -> dict[str, Any]:
        ms = (lambda v: round(1000 * float(np.mean(v)), 1) if v else None)
        return dict(
            fps=round(self.fps, 2), frames=self.frames_rendered,
            wall_s=round(self.wall, 2), pose_ms=ms(self.pose_times),
            recognition_ms=ms(self.recognition_times),
            recognitions=self.recognitions, labels=self.last_labels)


class RealtimeSkeletonPipeline:
    """Sliding-window skeleton action recognition over a frame stream.

    Args:
        backend: Pose backend (its state is reset at the start of a run).
        recognizer: The skeleton model.
        window: Frames of poses the recognizer sees.
        stride: Classify every this many new frames.
        min_frames: Frames needed before the first classification
            (default: half the window).
        topk: Labels shown.
        max_people: Tracks given to the recognizer (most confident).
        recognition_threads: torch threads of the recognition thread (the
            pose thread needs the other core on a 2-core machine).
        rgb_side: RGB + pose models (``recognizer.uses_rgb``): the window
            also keeps the frames, as RGB downscaled to this short side
            (the keypoints are rescaled to them by ``MMDecodeFrames``).
    """

    def __init__(self, backend: PoseBackend, recognizer: SkeletonRecognizer,
                 window: int = 48, stride: int = 8,
                 min_frames: int | None = None, topk: int = 3,
                 max_people: int = 2, recognition_threads: int = 1,
                 tracker: PoseTracker | None = None,
                 rgb_side: int = 128) -> None:
        self.backend = backend
        self.recognizer = recognizer
        self.window = window
        self.stride = max(1, stride)
        self.min_frames = min_frames if min_frames is not None \
            else max(1, window // 2)
        self.topk = topk
        self.max_people = max_people
        self.recognition_threads = recognition_threads
        self.tracker = tracker or PoseTracker(max_age=15)
        self.rgb_side = rgb_side
        self.keep_frames = bool(getattr(recognizer, 'uses_rgb', False))

    def _small_rgb(self, frame: np.ndarray) -> np.ndarray:
        import cv2
        h, w = frame.shape[:2]
        scale = self.rgb_side / min(h, w)
        if scale < 1:
            frame = cv2.resize(frame, (max(1, round(w * scale)),
                                       max(1, round(h * scale))),
                               interpolation=cv2.INTER_AREA)
        return frame[..., ::-1].copy()

    # -- worker threads ---------------------------------------------------
    def _pose_worker(self, frames: queue.Queue, out: queue.Queue) -> None:
        since = 0
        try:
            while not self._stop.is_set():
                item = frames.get()
                if item is _STOP:
                    break
                index, frame = item
                t0 = time.perf_counter()
                poses = self.tracker.update(self.backend(frame))
                self.stats.pose_times.append(time.perf_counter() - t0)
                small = self._small_rgb(frame) if self.keep_frames else None
                with self._lock:
                    self.stats.frames_posed += 1
                    self._window.append(poses)
                    self._frame_window.append(small)
                    self._shape = frame.shape[:2]
                    filled = len(self._window)
                since += 1
                if filled >= self.min_frames and since >= self.stride:
                    since = 0
                    self._recognise.set()
                out.put((index, frame, poses))
        except BaseException as e:  # surfaced by run()
            self._error = e
            self._stop.set()
        finally:
            out.put(_STOP)

    def _recognition_worker(self) -> None:
        import torch
        torch.set_num_threads(self.recognition_threads)
        recognised = 0  # frames_posed at the last recognition
        try:
            while True:
                self._recognise.wait()
                self._recognise.clear()
                if self._error is not None:
                    break
                done = self._pose_done.is_set()
                with self._lock:
                    window = list(self._window)
                    rgb = list(self._frame_window) if self.keep_frames \
                        else None
                    shape = self._shape
                    posed = self.stats.frames_posed
                # a last recognition covers the frames since the previous
                # one (a clip shorter than min_frames still gets a label)
                if window and posed > recognised:
                    recognised = posed
                    self._classify(window, shape, rgb)
                if done:
                    break
        except BaseException as e:
            self._error = e
            self._stop.set()

    def _classify(self, window: list[FramePoses],
                  shape: tuple[int, int],
                  frames: list[np.ndarray] | None = None) -> None:
        arrays = stack_tracks(window, max_people=self.max_people)
        t0 = time.perf_counter()
        kwargs = dict(frames=frames) if frames is not None else {}
        scores = self.recognizer.predict(arrays['keypoint'],
                                         arrays['keypoint_score'], shape,
                                         **kwargs)
        self.stats.recognition_times.append(time.perf_counter() - t0)
        self.stats.recognitions += 1
        labels = self.recognizer.topk(scores, self.topk)
        with self._lock:
            self._labels = labels
            self.stats.last_labels = labels

    # -- main loop ----------------------------------------------------------
    def run(self, source: str | int, output: str | None = None,
            show: bool = False, max_frames: int | None = None,
            resize: tuple[int, int] | None = None,
            on_frame: Callable[[int, np.ndarray], None] | None = None
            ) -> RealtimeStats:
        """Process a camera index, stream URL or video file.

        Args:
            output: Write the annotated frames to this mp4.
            show: Display them (``q`` or Esc quits).
            max_frames: Stop after this many frames.
            resize: ``(w, h)`` every frame is resized to (e.g. 640x480).
            on_frame: Called with ``(index, rendered frame)``.

        Raises:
            VideoReadError: the source cannot be opened or has no frame.
        """
        import cv2

        from .video_io import VideoReadError
        live = isinstance(source, int) or str(source).isdigit() or \
            '://' in str(source)
        cap = open_video(source)
        writer = VideoWriter(output, video_fps(cap)) if output else None
        self.stats = RealtimeStats()
        self._stop, self._pose_done = threading.Event(), threading.Event()
        self._recognise = threading.Event()
        self._lock = threading.Lock()
        self._window: deque[FramePoses] = deque(maxlen=self.window)
        self._frame_window: deque[np.ndarray | None] = deque(
            maxlen=self.window)
        self._shape: tuple[int, int] = (0, 0)
        self._labels: list[tuple[str, float]] = []
        self._latest_poses: FramePoses | None = None
        self._error: BaseException | None = None
        self.backend.reset()
        self.tracker.reset()
        frames: queue.Queue = queue.Queue(maxsize=1 if live else 4)
        out: queue.Queue = queue.Queue()
        pose_thread = threading.Thread(
            target=self._pose_worker, args=(frames, out), daemon=True)
        recog_thread = threading.Thread(
            target=self._recognition_worker, daemon=True)
        pose_thread.start()
        recog_thread.start()
        fps_ema: float | None = None
        last = start = time.perf_counter()

        def render(frame: np.ndarray, poses: FramePoses | None) -> bool:
            nonlocal fps_ema, last
            now = time.perf_counter()
            inst = 1.0 / max(now - last, 1e-6)
            last = now
            fps_ema = inst if fps_ema is None else 0.9 * fps_ema + 0.1 * inst
            with self._lock:
                labels = list(self._labels)
            status = None if labels else (
                'no person' if poses is not None and not len(poses)
                else 'collecting poses...')
            draw_frame(frame, poses, labels, fps_ema, status=status)
            index = self.stats.frames_rendered
            self.stats.frames_rendered += 1
            if writer is not None:
                writer.write(frame)
            if on_frame is not None:
                on_frame(index, frame)
            if show:
                cv2.imshow('mmaction-pose', frame)
                if cv2.waitKey(1) & 0xFF in (ord('q'), 27):
                    return False
            return True

        def drain(block: bool) -> bool:
            while True:
                try:
                    item = out.get(timeout=0.5) if block else out.get_nowait()
                except queue.Empty:
                    if block and pose_thread.is_alive():
                        continue
                    return True
                if item is _STOP:
                    return False
                if not live and not render(item[1], item[2]):
                    self._stop.set()
                    return False
                if live:
                    self._latest_poses = item[2]

        def put(item: Any) -> None:
            while pose_thread.is_alive():
                try:
                    frames.put(item, timeout=0.2)
                    return
                except queue.Full:
                    continue

        try:
            while not self._stop.is_set() and (
                    max_frames is None or self.stats.frames_read < max_frames):
                ok, frame = cap.read()
                if not ok or frame is None:
                    break
                if resize is not None:
                    frame = cv2.resize(frame, tuple(resize))
                self.stats.frames_read += 1
                index = self.stats.frames_read - 1
                if live:
                    try:
                        frames.get_nowait()  # drop a frame not started yet
                    except queue.Empty:
                        pass
                    put((index, frame.copy()))
                    drain(block=False)
                    if not render(frame, self._latest_poses):
                        break
                else:
                    put((index, frame))
                    if not drain(block=False):
                        break
            if self.stats.frames_read == 0:
                raise VideoReadError(f'no decodable frame in {source!r}')
            put(_STOP)
            if not live and not self._stop.is_set():
                drain(block=True)
            self.stats.wall = time.perf_counter() - start
        finally:
            self._stop.set()
            try:
                frames.put_nowait(_STOP)
            except queue.Full:
                pass
            pose_thread.join(timeout=30)
            self._pose_done.set()
            self._recognise.set()
            recog_thread.join(timeout=60)
            if not self.stats.wall:
                self.stats.wall = time.perf_counter() - start
            cap.release()
            if writer is not None:
                writer.close()
            if show:
                cv2.destroyAllWindows()
        if self._error is not None:
            raise self._error
        return self.stats
