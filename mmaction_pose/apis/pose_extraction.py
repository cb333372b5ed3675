# Copyright (c) mmaction-pose. All rights reserved.
"""Video → tracked skeletons → one PoseDataset annotation.

Used by ``demo/demo_skeleton.py`` and ``tools/data/skeleton/extract_poses.py``.
Every decoded frame keeps its slot ``t`` in the arrays, including frames in
which nobody is found (mmaction2's ``pose_inference_with_align`` drops those
and misaligns the rest), and every person keeps their track index.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy as np

from .pose_backends.base import FramePoses, PoseBackend
from .pose_backends.tracking import PoseTracker, stack_tracks
from .video_io import VideoReadError, iter_frames, open_video


class NoPersonError(RuntimeError):
    """Nobody was found in any frame of a video."""


def track_poses(frames: Iterable[np.ndarray],
                backend: PoseBackend,
                tracker: PoseTracker | None = None,
                on_frame: Callable[[int], None] | None = None
                ) -> tuple[list[FramePoses], tuple[int, int]]:
    """Run ``backend`` and ``tracker`` over frames.

    Args:
        on_frame: Called with the frame index after each frame (progress).

    Returns:
        One tracked :class:`FramePoses` per frame, and the frame ``(h, w)``.
    """
    tracker = tracker or PoseTracker()
    backend.reset()
    tracker.reset()
    out: list[FramePoses] = []
    shape = (0, 0)
    for t, frame in enumerate(frames):
        shape = frame.shape[:2]
        out.append(tracker.update(backend(frame)))
        if on_frame is not None:
            on_frame(t)
    return out, shape


def poses_to_annotation(frames: list[FramePoses],
                        img_shape: tuple[int, int],
                        max_people: int | None = None,
                        **extra: Any) -> dict[str, Any]:
    """Tracked frames → a PoseDataset annotation dict.

    Returns:
        ``keypoint (M, T, 17, 2)``, ``keypoint_score (M, T, 17)``,
        ``box (M, T, 4)`` (float32, zeros where a person is absent),
        ``img_shape = original_shape = (h, w)``, ``total_frames = T`` and
        ``extra`` (e.g. ``frame_dir``, ``label``).

    Raises:
        NoPersonError: nobody in any frame.
    """
    arrays = stack_tracks(frames, max_people=max_people)
    if not len(arrays['keypoint']):
        raise NoPersonError(f'no person found in {len(frames)} frames')
    anno = dict(total_frames=len(frames), img_shape=tuple(img_shape),
                original_shape=tuple(img_shape), **arrays)
    anno.update(extra)
    return anno


def extract_video_annotation(video: str,
                             backend: PoseBackend,
                             tracker: PoseTracker | None = None,
                             max_people: int | None = None,
                             short_side: int | None = None,
                             on_frame: Callable[[int], None] | None = None,
                             **extra: Any) -> dict[str, Any]:
    """Decode ``video``, estimate and track poses, return its annotation.

    Coordinates are in pixels of the decoded (optionally resized to
    ``short_side``) frames, whose size is ``img_shape``; ``original_shape``
    is the size of the video itself.

    Raises:
        VideoReadError: the video cannot be read.
        NoPersonError: nobody was found.
    """
    frames = iter_frames(video, short_side=short_side)
    poses, shape = track_poses(frames, backend, tracker, on_frame)
    if not poses:
        raise VideoReadError(f'no decodable frame in {video!r}')
    anno = poses_to_annotation(poses, shape, max_people=max_people, **extra)
    if short_side:
        import cv2
        cap = open_video(video)
        anno['original_shape'] = (int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
                                  int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)))
        cap.release()
    return anno


# -- worker-process helpers of tools/data/skeleton/extract_poses.py ----------
# (module-level so that spawned worker processes can import them)
_WORKER_BACKEND: PoseBackend | None = None


def init_extraction_worker(backend_args: Any) -> None:
    """Build this process's pose backend from the tool's parsed options."""
    global _WORKER_BACKEND
    from .pose_backends import pose_backend_from_args
    _WORKER_BACKEND = pose_backend_from_args(backend_args)


def extract_job(job: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Extract one video with this worker's backend; pickle the annotation
    atomically.

    Args:
        job: ``video``, ``frame_dir``, ``label``, ``out_path`` and optional
            ``max_people``, ``short_side``.

    Returns:
        ``(job, None)`` on success, else ``(job, one-line error)`` (the
        caller logs it and goes on).
    """
    import os
    import pickle
    import tempfile
    import traceback
    if _WORKER_BACKEND is None:
        raise RuntimeError('call init_extraction_worker first')
    try:
        anno = extract_video_annotation(
            job['video'], _WORKER_BACKEND, PoseTracker(),
            max_people=job.get('max_people'),
            short_side=job.get('short_side'), frame_dir=job['frame_dir'],
            label=job['label'])
        out_path = job['out_path']
        fd, tmp = tempfile.mkstemp(suffix='.tmp',
                                   dir=os.path.dirname(out_path))
        with os.fdopen(fd, 'wb') as f:
            pickle.dump(anno, f)
        os.replace(tmp, out_path)
        return job, None
    except (OSError, RuntimeError, ValueError) as e:
        return job, f'{type(e).__name__}: {e}'.replace('\n', ' ')
    except Exception as e:  # unexpected: keep a short traceback
        tb = traceback.format_exc(limit=4).replace('\n', ' | ')
        return job, f'{type(e).__name__}: {e} [{tb}]'
