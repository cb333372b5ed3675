# Copyright (c) mmaction-pose. All rights reserved.
"""Video reading errors and writing."""
from __future__ import annotations

import numpy as np
import pytest

from mmaction_pose.apis.video_io import (VideoReadError, VideoWriter,
                                         read_video, resize_short_side)


def test_read_video_frames_and_fps(tiny_video):
    frames, fps = read_video(str(tiny_video))
    assert len(frames) == 12
    assert frames[0].shape == (64, 96, 3)
    assert fps == pytest.approx(10.0)


def test_read_video_missing_file_is_clear(tmp_path):
    with pytest.raises(VideoReadError, match='not found'):
        read_video(str(tmp_path / 'nope.mp4'))


def test_read_video_garbage_file_is_clear(tmp_path):
    bad = tmp_path / 'bad.mp4'
    bad.write_bytes(b'not a video')
    with pytest.raises(VideoReadError, match='bad.mp4'):
        read_video(str(bad))


def test_resize_short_side_keeps_aspect():
    out = resize_short_side(np.zeros((64, 96, 3), np.uint8), 32)
    assert out.shape == (32, 48, 3)


def test_video_writer_round_trip(tmp_path):
    path = tmp_path / 'sub' / 'out.mp4'
    with VideoWriter(str(path), 5) as writer:
        for _ in range(3):
            writer.write(np.full((32, 48, 3), 128, np.uint8))
    frames, _ = read_video(str(path))
    assert len(frames) == 3 and frames[0].shape == (32, 48, 3)
