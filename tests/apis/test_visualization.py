# Copyright (c) mmaction-pose. All rights reserved.
"""Drawing skeletons, boxes and labels."""
from __future__ import annotations

import numpy as np

from mmaction_pose.apis.pose_backends import FramePoses
from mmaction_pose.apis.visualization import (draw_frame, draw_poses,
                                              track_colour)
from mmaction_pose.structures.skeleton_layouts import PENN13


def test_draw_poses_draws_on_the_person(rng):
    frame = np.zeros((120, 160, 3), np.uint8)
    kp = rng.uniform(30, 90, (1, 17, 2)).astype(np.float32)
    poses = FramePoses(np.array([[20, 20, 100, 100]]), kp,
                       np.ones((1, 17)), track_ids=np.array([0]))
    draw_poses(frame, poses)
    assert frame[20:101, 20:101].any()
    assert not frame[110:, 110:].any()


def test_draw_frame_handles_nobody_and_labels():
    frame = np.zeros((120, 160, 3), np.uint8)
    out = draw_frame(frame, FramePoses(), [('wave', 0.9)], fps=12.0,
                     status='no person')
    assert out is frame and frame[:40, :80].any()


def test_draw_poses_skips_low_score_joints():
    frame = np.zeros((60, 60, 3), np.uint8)
    kp = np.full((1, 13, 2), 30, np.float32)
    poses = FramePoses(np.array([[0, 0, 1, 1]]), kp, np.zeros((1, 13)))
    draw_poses(frame, poses, PENN13, show_boxes=False, show_ids=False)
    assert not frame.any()


def test_track_colours_differ():
    assert track_colour(0) != track_colour(1)
    assert track_colour(-1) == (160, 160, 160)
