# Copyright (c) mmaction-pose. All rights reserved.
"""The threaded real-time pipeline over a video file."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import FakePoseBackend
from mmaction_pose.apis.inference import SkeletonRecognizer
from mmaction_pose.apis.pose_backends import PoseBackend
from mmaction_pose.apis.realtime import RealtimeSkeletonPipeline
from mmaction_pose.apis.video_io import VideoReadError, read_video


@pytest.fixture(scope='module')
def recognizer(skeleton_model):
    return SkeletonRecognizer(*skeleton_model, num_clips=1, double=False)


def test_every_frame_rendered_and_recognised(recognizer, tiny_video,
                                             tmp_path):
    pipeline = RealtimeSkeletonPipeline(FakePoseBackend(2), recognizer,
                                        window=8, stride=2)
    seen = []
    out = tmp_path / 'out.mp4'
    stats = pipeline.run(str(tiny_video), output=str(out),
                         on_frame=lambda i, f: seen.append(i))
    assert seen == list(range(12))
    assert stats.frames_posed == stats.frames_rendered == 12
    assert stats.recognitions >= 1
    assert stats.fps > 0 and len(stats.last_labels) == 3
    frames, _ = read_video(str(out))
    assert len(frames) == 12


def test_resize_and_max_frames(recognizer, tiny_video):
    pipeline = RealtimeSkeletonPipeline(FakePoseBackend(1), recognizer,
                                        window=4, stride=1)
    shapes = []
    stats = pipeline.run(str(tiny_video), max_frames=5, resize=(64, 48),
                         on_frame=lambda i, f: shapes.append(f.shape))
    assert stats.frames_rendered == 5 and set(shapes) == {(48, 64, 3)}


class _Broken(PoseBackend):

    def __call__(self, frame):
        raise RuntimeError('pose failed')


def test_worker_errors_surface(recognizer, tiny_video):
    pipeline = RealtimeSkeletonPipeline(_Broken(), recognizer)
    with pytest.raises(RuntimeError, match='pose failed'):
        pipeline.run(str(tiny_video))


def test_unreadable_source(recognizer, tmp_path):
    pipeline = RealtimeSkeletonPipeline(FakePoseBackend(1), recognizer)
    with pytest.raises(VideoReadError):
        pipeline.run(str(tmp_path / 'missing.mp4'))


def test_summary_is_json_friendly(recognizer, tiny_video):
    import json
    stats = RealtimeSkeletonPipeline(FakePoseBackend(1), recognizer,
                                     window=4, stride=4).run(str(tiny_video))
    summary = json.loads(json.dumps(stats.summary()))
    assert summary['frames'] == 12 and np.isfinite(summary['fps'])


def test_live_source_renders_every_camera_frame(recognizer, tiny_video):
    """A stream URL is live: every frame is rendered with the newest poses,
    and the pose thread may skip frames it cannot keep up with."""
    pipeline = RealtimeSkeletonPipeline(FakePoseBackend(1), recognizer,
                                        window=4, stride=1)
    stats = pipeline.run(f'file://{tiny_video}')
    assert stats.frames_read == stats.frames_rendered == 12
    assert 1 <= stats.frames_posed <= 12
