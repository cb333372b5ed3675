# Copyright (c) mmaction-pose. All rights reserved.
"""Load-time checks of the videos an RGB (+ pose) dataset will decode.

A missing, truncated or undecodable video, or one with fewer frames than
its annotation's ``total_frames``, would otherwise surface as a decord
error inside a dataloader worker in the middle of an epoch. These checks
run when the dataset is built and fail with one line naming the
annotation file, the sample and the video.

Policy (``video_check`` of :class:`~mmaction_pose.datasets.PoseDataset`):

=========== ==============================================================
``'frames'`` (default) every video must exist, open, and report at least
             ``total_frames`` frames in its container (OpenCV; ~1 ms per
             small mp4). A truncated mp4 loses its index and fails to
             open, so it is caught here.
``'exists'`` only existence (for slow network file systems).
``'none'``   no check.
=========== ==============================================================

A video that passes but fails to decode later (damage inside the stream)
raises :class:`~mmaction_pose.datasets.pose_dataset.SampleError` naming the
sample from the worker.
"""
from __future__ import annotations

import os.path as osp
from collections.abc import Callable, Sequence

VIDEO_CHECKS = ('frames', 'exists', 'none')
#: Transforms that open the sample's video file.
VIDEO_READERS = ('DecordInit', 'OpenCVInit', 'PyAVInit', 'PIMSInit')


def pipeline_reads_video(pipeline: object) -> bool:
    """Whether a (Compose) pipeline opens the sample's video: one of
    :data:`VIDEO_READERS`, or ``MMDecode`` after an ``MMUniformSampleFrames``
    that samples ``'RGB'`` frames."""
    steps = getattr(pipeline, 'transforms', pipeline) or []
    rgb = False
    for step in steps:
        name = type(step).__name__
        if name in VIDEO_READERS:
            return True
        if name == 'MMUniformSampleFrames':
            rgb = 'RGB' in getattr(step, 'clip_len', {})
        if name == 'MMDecode' and rgb:
            return True
    return False


def video_frame_count(path: str) -> int:
    """Frames in the video at ``path`` by its container (0: missing, or
    OpenCV cannot open it)."""
    import cv2
    if not osp.isfile(path):
        return 0
    cap = cv2.VideoCapture(path)
    try:
        return int(cap.get(cv2.CAP_PROP_FRAME_COUNT)) if cap.isOpened() \
            else 0
    finally:
        cap.release()


def video_path(item: dict) -> str:
    """The file MMDecode reads for ``item`` (``filename``, else
    ``frame_dir + '.mp4'``)."""
    return item['filename'] if 'filename' in item else \
        item['frame_dir'] + '.mp4'


def check_videos(items: Sequence[dict], mode: str,
                 where: Callable[[int, dict], str]) -> None:
    """Check the video of every item (data-prefixed paths).

    Args:
        items: Data-list entries (``filename`` / ``frame_dir`` and
            ``total_frames``).
        mode: One of :data:`VIDEO_CHECKS`.
        where: ``(index, item) -> 'annotation file ..., sample #i (...)'``.

    Raises:
        ValueError: unknown ``mode``.
        OSError: the first bad video, naming the sample and the file.
    """
    if mode not in VIDEO_CHECKS:
        raise ValueError(f'video_check must be one of {VIDEO_CHECKS}, got '
                         f'{mode!r}')
    if mode == 'none':
        return
    for idx, item in enumerate(items):
        path = video_path(item)
        if not osp.isfile(path):
            raise FileNotFoundError(
                f'{where(idx, item)}: video {path!r} does not exist (check '
                "`data_prefix=dict(video=...)`; rendered Penn Action: `make "
                "penn-rgb-data`)")
        if mode == 'exists':
            continue
        frames = video_frame_count(path)
        if frames == 0:
            raise OSError(f'{where(idx, item)}: video {path!r} cannot be '
                          'opened (truncated, empty or not a video)')
        if frames < item['total_frames']:
            raise OSError(
                f'{where(idx, item)}: video {path!r} has {frames} frames, '
                f"fewer than total_frames={item['total_frames']}")
