# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseMotionFeatures`` and its functional core: body-normalized joints
and velocities of the 1D temporal CNN baseline."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from mmaction_pose.datasets.transforms import PoseMotionFeatures
from mmaction_pose.datasets.transforms.functional import (normalize_pose_clip,
                                                          pose_velocity)
from mmaction_pose.registry import TRANSFORMS


def test_normalization_formula_hand_example():
    # One person, 2 frames, 3 joints; joint 2 of frame 1 is missing.
    kp = np.array([[[[0., 0.], [2., 0.], [0., 4.]],
                    [[10., 10.], [14., 10.], [99., 99.]]]])
    score = np.array([[[1., 1., 1.], [1., 1., 0.]]])
    norm, valid = normalize_pose_clip(kp, score)
    # centre = mean of the 5 valid joints = (26/5, 24/5); size = mean of
    # the frames' extents max(2, 4) = 4 and max(4, 0) = 4 -> 4.
    centre, size = np.array([26 / 5, 24 / 5]), 4.
    expect = (kp - centre) / size
    expect[0, 1, 2] = 0
    np.testing.assert_allclose(norm, expect, rtol=1e-6)
    assert valid.tolist() == [[[True] * 3, [True, True, False]]]
    assert norm.dtype == np.float32


def test_normalization_is_translation_and_scale_invariant(rng):
    kp = rng.uniform(0, 50, size=(2, 6, 13, 2))
    norm, _ = normalize_pose_clip(kp)
    moved, _ = normalize_pose_clip(kp * 3 + [100, -7])
    np.testing.assert_allclose(norm, moved, rtol=1e-4, atol=1e-5)


def test_a_person_without_joints_gives_zeros(rng):
    kp = rng.uniform(0, 50, size=(2, 4, 5, 2))
    score = np.ones((2, 4, 5))
    score[1] = 0
    norm, valid = normalize_pose_clip(kp, score)
    assert not valid[1].any() and (norm[1] == 0).all()
    assert np.isfinite(norm).all()


def test_non_finite_joints_are_missing():
    kp = np.array([[[[0., 0.], [np.nan, 1.], [2., 2.]]]])
    norm, valid = normalize_pose_clip(kp)
    assert valid.tolist() == [[[True, False, True]]]
    assert np.isfinite(norm).all() and (norm[0, 0, 1] == 0).all()


def test_velocity_is_a_forward_difference_zero_at_gaps():
    kp = np.arange(3 * 2 * 2, dtype=np.float32).reshape(1, 3, 2, 2)
    valid = np.ones((1, 3, 2), bool)
    valid[0, 2, 1] = False
    vel = pose_velocity(kp, valid)
    np.testing.assert_array_equal(vel[0, 0], kp[0, 1] - kp[0, 0])
    np.testing.assert_array_equal(vel[0, 1, 0], kp[0, 2, 0] - kp[0, 1, 0])
    assert (vel[0, 1, 1] == 0).all() and (vel[0, 2] == 0).all()


def test_transform_features_per_clip(rng):
    clip_len, num_clips = 4, 2
    kp = rng.uniform(0, 50, size=(1, clip_len * num_clips, 13, 2))
    kp[:, clip_len:] += 1000  # the second clip far away
    kp = kp.astype(np.float32)
    score = np.ones(kp.shape[:3], np.float32)
    results = dict(keypoint=kp, keypoint_score=score,
                   num_clips=num_clips)
    step = TRANSFORMS.build(dict(type='PoseMotionFeatures'))
    out = step.transform(copy.deepcopy(results))
    feats = out['keypoint']
    assert feats.shape == (1, 8, 13, 4) and feats.dtype == np.float32
    assert 'keypoint_score' not in out
    for i in range(num_clips):
        part = slice(i * clip_len, (i + 1) * clip_len)
        norm, valid = normalize_pose_clip(kp[:, part])
        np.testing.assert_allclose(feats[:, part, :, :2], norm, atol=1e-6)
        np.testing.assert_allclose(feats[:, part, :, 2:],
                                   pose_velocity(norm, valid), atol=1e-6)
    assert (feats[:, clip_len - 1, :, 2:] == 0).all()  # no cross-clip jump


def test_transform_rejects_uneven_clips(rng):
    results = dict(keypoint=rng.normal(size=(1, 7, 5, 2)), num_clips=2)
    with pytest.raises(ValueError, match='7 frames are not 2 clips'):
        PoseMotionFeatures().transform(results)
    assert 'score_thr' in repr(PoseMotionFeatures(score_thr=0.3))
