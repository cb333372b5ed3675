# Copyright (c) mmaction-pose. All rights reserved.
"""Video → tracked annotation: frames keep their slots."""
from __future__ import annotations

import pytest

from conftest import FakePoseBackend, write_video
from mmaction_pose.apis.pose_extraction import (NoPersonError,
                                                extract_video_annotation)
from mmaction_pose.apis.video_io import VideoReadError


def test_annotation_keeps_frames_without_people(tiny_video):
    anno = extract_video_annotation(str(tiny_video), FakePoseBackend(2),
                                    frame_dir='tiny', label=3)
    assert anno['total_frames'] == 12
    assert anno['keypoint'].shape == (2, 12, 17, 2)
    assert anno['keypoint_score'].shape == (2, 12, 17)
    assert anno['box'].shape == (2, 12, 4)
    assert anno['img_shape'] == (64, 96)
    assert anno['frame_dir'] == 'tiny' and anno['label'] == 3
    present = anno['keypoint_score'].sum(-1) > 0
    assert not present[:, 5].any() and present[:, 6].all()
    # frame 6 holds frame 6's pose (the fake person moves 1 px per frame)
    left = anno['keypoint'][0, :, :, 0].mean(-1)
    assert left[6] - left[4] == pytest.approx(2, abs=1e-3)


def test_nobody_raises(tmp_path):
    video = write_video(tmp_path / 'dark.mp4', 4, dark_frames=range(4))
    with pytest.raises(NoPersonError):
        extract_video_annotation(str(video), FakePoseBackend(1))


def test_unreadable_video_raises(tmp_path):
    bad = tmp_path / 'bad.avi'
    bad.write_text('nope')
    with pytest.raises(VideoReadError):
        extract_video_annotation(str(bad), FakePoseBackend(1))


def test_short_side_resizes_and_keeps_original_shape(tiny_video):
    anno = extract_video_annotation(str(tiny_video), FakePoseBackend(1),
                                    short_side=32)
    assert anno['img_shape'] == (32, 48)
    assert anno['original_shape'] == (64, 96)
    assert anno['keypoint'][..., 0].max() < 48
