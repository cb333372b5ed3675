# Copyright (c) mmaction-pose. All rights reserved.
"""Rendering skeleton clips as videos of people."""
from __future__ import annotations

import numpy as np
import pytest

from mmaction_pose.datasets.pose_rendering import (camera_path,
                                                   fit_to_frame,
                                                   render_clip)
from mmaction_pose.structures.skeleton_layouts import COCO17, PENN13


def standing_person(num_frames: int = 6) -> np.ndarray:
    """A Penn-13 person, 200 px tall, waving the right wrist."""
    names = dict(head=(100, 20), left_shoulder=(120, 60),
                 right_shoulder=(80, 60), left_elbow=(130, 95),
                 right_elbow=(70, 95), left_wrist=(135, 130),
                 right_wrist=(65, 130), left_hip=(112, 130),
                 right_hip=(88, 130), left_knee=(114, 170),
                 right_knee=(86, 170), left_ankle=(115, 215),
                 right_ankle=(85, 215))
    pose = np.array([names[j] for j in PENN13.joints], np.float32)
    kp = np.repeat(pose[None, None], num_frames, axis=1)
    kp[0, :, PENN13.index('right_wrist'), 1] -= np.arange(num_frames) * 10
    return kp


def test_render_clip_shapes_and_keypoints_inside():
    kp = standing_person()
    frames, out = render_clip(kp, np.ones(kp.shape[:3]), PENN13, 112,
                              np.random.default_rng(0))
    assert frames.shape == (6, 112, 112, 3) and frames.dtype == np.uint8
    assert out.shape == kp.shape
    assert (out >= 0).all() and (out < 112).all()


def test_person_is_drawn_where_the_keypoints_are():
    kp = standing_person(2)
    rng = np.random.default_rng(3)
    frames, out = render_clip(kp, np.ones(kp.shape[:3]), PENN13, 128, rng)
    style_rng = np.random.default_rng(3)
    from mmaction_pose.datasets.pose_rendering import random_style
    shirt = np.array(random_style(style_rng).shirt)
    # the torso centre has the shirt colour
    torso = out[0, 0, [PENN13.index(n) for n in (
        'left_shoulder', 'right_shoulder', 'left_hip', 'right_hip')]]
    x, y = np.round(torso.mean(0)).astype(int)
    np.testing.assert_allclose(frames[0, y, x], shirt, atol=2)


def test_zero_score_joints_stay_zero():
    kp = standing_person(3)
    score = np.ones(kp.shape[:3])
    score[0, 1] = 0
    _, out = render_clip(kp, score, PENN13, 112, np.random.default_rng(0))
    assert (out[0, 1] == 0).all() and (out[0, 0] > 0).all()


def test_draw_false_gives_same_keypoints_deterministically():
    kp = np.random.default_rng(0).uniform(0, 300, (2, 5, 17, 2))
    score = np.ones(kp.shape[:3])
    f1, k1 = render_clip(kp, score, COCO17, 128, np.random.default_rng(7))
    f2, k2 = render_clip(kp, score, COCO17, 128, np.random.default_rng(7),
                         draw=False)
    assert f2 is None
    np.testing.assert_array_equal(k1, k2)


def test_fit_to_frame_centres_the_clip():
    kp = np.array([[[[0, 0], [100, 50]]]], np.float32)
    scale, offset = fit_to_frame(kp, np.ones((1, 1, 2)), 100, margin=0.1)
    out = kp * scale + offset
    np.testing.assert_allclose(out[0, 0], [[10, 30], [90, 70]])


def test_camera_path_is_bounded():
    path = camera_path(50, np.random.default_rng(0), 0.03, 0.02)
    assert path.shape == (50, 3)
    assert np.abs(path).max(0) == pytest.approx([0.03, 0.03, 0.02], rel=1e-4)
