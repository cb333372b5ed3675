# Copyright (c) mmaction-pose. All rights reserved.
"""Video reading and writing with OpenCV, with clear errors.

``cv2.VideoCapture`` fails silently (``isOpened()`` False, or ``read()``
returning nothing), and frame counts in containers are often wrong (the
JHMDB clip says 48 frames and decodes 40). These helpers turn that into a
:class:`VideoReadError` naming the file, and count frames by decoding.
"""
from __future__ import annotations

import os
import os.path as osp
from collections.abc import Iterator

import numpy as np


class VideoReadError(IOError):
    """A video (file, camera or stream) cannot be opened or decoded."""


def _is_stream(source: str | int) -> bool:
    return isinstance(source, int) or str(source).isdigit() or \
        '://' in str(source)


def open_video(source: str | int):
    """``cv2.VideoCapture`` for a file, a camera index or a stream URL.

    Raises:
        VideoReadError: missing file, or OpenCV cannot open the source.
    """
    import cv2
    if isinstance(source, str) and source.isdigit():
        source = int(source)
    if not _is_stream(source) and not osp.isfile(str(source)):
        raise VideoReadError(f'video not found: {source}')
    cap = cv2.VideoCapture(source)
    if not cap.isOpened():
        what = 'camera' if isinstance(source, int) else 'video'
        raise VideoReadError(
            f'cannot open {what} {source!r} (unreadable, unsupported codec '
            'or no such device)')
    return cap


def video_fps(cap, default: float = 30.0) -> float:
    """The source frame rate, or ``default`` when the container has none."""
    import cv2
    fps = cap.get(cv2.CAP_PROP_FPS)
    return float(fps) if fps and 1 <= fps <= 240 else default


def resize_short_side(frame: np.ndarray, short_side: int | None
                      ) -> np.ndarray:
    """Resize so that the short side is ``short_side`` (None: unchanged)."""
    import cv2
    if not short_side:
        return frame
    h, w = frame.shape[:2]
    scale = short_side / min(h, w)
    if abs(scale - 1) < 1e-3:
        return frame
    size = (max(1, round(w * scale)), max(1, round(h * scale)))
    return cv2.resize(frame, size, interpolation=cv2.INTER_AREA
                      if scale < 1 else cv2.INTER_LINEAR)


def iter_frames(source: str | int,
                short_side: int | None = None,
                max_frames: int | None = None) -> Iterator[np.ndarray]:
    """Yield BGR frames of a video; raise if it has none at all."""
    cap = open_video(source)
    count = 0
    try:
        while max_frames is None or count < max_frames:
            ok, frame = cap.read()
            if not ok or frame is None:
                break
            count += 1
            yield resize_short_side(frame, short_side)
    finally:
        cap.release()
    if count == 0:
        raise VideoReadError(f'no decodable frame in {source!r}')


def read_video(source: str | int, short_side: int | None = None,
               max_frames: int | None = None
               ) -> tuple[list[np.ndarray], float]:
    """All frames of a video (BGR) and its frame rate.

    Raises:
        VideoReadError: the video cannot be opened or has no frame.
    """
    cap = open_video(source)
    fps = video_fps(cap)
    cap.release()
    return list(iter_frames(source, short_side, max_frames)), fps


class VideoWriter:
    """Lazy mp4 writer (``mp4v``): opens on the first frame, whose size
    fixes the video size.

    Args:
        path: Output file; its folder is created.
        fps: Frame rate.
    """

    def __init__(self, path: str, fps: float = 30.0,
                 fourcc: str = 'mp4v') -> None:
        self.path = path
        self.fps = fps
        self.fourcc = fourcc
        self._writer = None
        self.frames = 0

    def write(self, frame: np.ndarray) -> None:
        import cv2
        if self._writer is None:
            folder = osp.dirname(osp.abspath(self.path))
            os.makedirs(folder, exist_ok=True)
            h, w = frame.shape[:2]
            self._writer = cv2.VideoWriter(
                self.path, cv2.VideoWriter_fourcc(*self.fourcc), self.fps,
                (w, h))
            if not self._writer.isOpened():
                raise IOError(f'cannot write video {self.path}')
        self._writer.write(frame)
        self.frames += 1

    def close(self) -> None:
        if self._writer is not None:
            self._writer.release()
            self._writer = None

    def __enter__(self) -> VideoWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
