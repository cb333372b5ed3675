# Copyright (c) mmaction-pose. All rights reserved.
"""FramePoses, keypoint boxes and the backend factory / CLI options."""
from __future__ import annotations

import argparse

import numpy as np
import pytest

from mmaction_pose.apis.pose_backends import (FramePoses,
                                              add_pose_backend_args,
                                              boxes_from_keypoints,
                                              build_pose_backend,
                                              pose_backend_from_args)


def test_frame_poses_empty_has_coco17_shapes():
    poses = FramePoses()
    assert len(poses) == 0
    assert poses.keypoints.shape == (0, 17, 2)
    assert poses.scores.shape == (0, 17)
    assert poses.box_scores.shape == (0, )
    assert poses.track_ids.shape == (0, )


def test_frame_poses_defaults_and_select(rng):
    kp = rng.uniform(0, 50, (3, 17, 2))
    sc = rng.uniform(0, 1, (3, 17))
    poses = FramePoses(np.zeros((3, 4)), kp, sc)
    np.testing.assert_allclose(poses.box_scores, sc.mean(1), rtol=1e-6)
    assert poses.track_ids.tolist() == [-1, -1, -1]
    sub = poses.select([2, 0])
    np.testing.assert_allclose(sub.keypoints, kp[[2, 0]], rtol=1e-6)


def test_frame_poses_rejects_joint_mismatch():
    with pytest.raises(ValueError, match='joints'):
        FramePoses(np.zeros((1, 4)), np.zeros((1, 17, 2)), np.zeros((1, 13)))


def test_boxes_from_keypoints_ignore_low_scores_and_add_margin():
    kp = np.array([[[10, 20], [30, 60], [500, 500]]], np.float32)
    sc = np.array([[1.0, 1.0, 0.0]])
    box = boxes_from_keypoints(kp, sc, margin=0.1)[0]
    np.testing.assert_allclose(box, [8, 16, 32, 64])


def test_build_pose_backend_rejects_unknown_name():
    with pytest.raises(ValueError, match='unknown pose backend'):
        build_pose_backend('openpose')


def test_build_pose_backend_rejects_non_backend_class():
    with pytest.raises(TypeError, match='not a PoseBackend'):
        build_pose_backend('collections:OrderedDict')


def test_build_pose_backend_custom_class():
    backend = build_pose_backend('conftest:FakePoseBackend', max_people=1)
    poses = backend(np.full((32, 48, 3), 200, np.uint8))
    assert len(poses) == 1


def test_mmpose_backend_args_need_configs():
    parser = argparse.ArgumentParser()
    add_pose_backend_args(parser)
    args = parser.parse_args(['--pose-backend', 'mmpose'])
    with pytest.raises(ValueError, match='--det-config and --pose-config'):
        pose_backend_from_args(args)
