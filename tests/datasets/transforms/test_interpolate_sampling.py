# Copyright (c) mmaction-pose. All rights reserved.
"""``InterpolateSampleFrames`` and its functional core: whole-sequence
linear-interpolation resampling of joint sequences."""
from __future__ import annotations

import numpy as np
import pytest
from mmengine.dataset import Compose

from mmaction_pose.datasets.sequence_pipelines import motion_pipeline
from mmaction_pose.datasets.transforms import InterpolateSampleFrames
from mmaction_pose.datasets.transforms.functional import (interpolate_frames,
                                                          resample_positions)
from mmaction_pose.registry import TRANSFORMS


def test_positions_span_the_video_evenly():
    # 11 frames to 5 positions: step (11 - 1) / (5 - 1) = 2.5.
    np.testing.assert_allclose(resample_positions(11, 5, test_mode=True),
                               [0, 2.5, 5, 7.5, 10])
    # Training without jitter: the same deterministic positions.
    np.testing.assert_allclose(resample_positions(11, 5), [0, 2.5, 5, 7.5, 10])
    # Upsampling a short video: 3 frames to 5 positions, step 0.5.
    np.testing.assert_allclose(resample_positions(3, 5, test_mode=True),
                               [0, .5, 1, 1.5, 2])
    assert resample_positions(1, 4).tolist() == [0.] * 4
    with pytest.raises(ValueError, match='num_frames'):
        resample_positions(0, 4)


def test_test_clips_have_spread_phases():
    # 2 clips, step 2.5: phases d * (0.25 - 0.5) and d * (0.75 - 0.5).
    pos = resample_positions(11, 5, num_clips=2, test_mode=True)
    expect = np.array([0, 2.5, 5, 7.5, 10])
    np.testing.assert_allclose(pos[:5], np.clip(expect - 0.625, 0, 10))
    np.testing.assert_allclose(pos[5:], np.clip(expect + 0.625, 0, 10))


def test_training_jitter_is_a_bounded_phase_shift():
    rng = np.random.RandomState(0)
    base = np.array([0, 2.5, 5, 7.5, 10])
    for _ in range(20):
        pos = resample_positions(11, 5, jitter=1., rng=rng)
        shift = pos[1:4] - base[1:4]
        assert np.allclose(shift, shift[0])  # one phase for the clip
        assert abs(shift[0]) <= 1.25 + 1e-9
        assert 0 <= pos.min() and pos.max() <= 10


def test_interpolation_formula(rng):
    kp = rng.normal(size=(2, 6, 4, 2))
    pos = np.array([0., 1.25, 4.5, 5.])
    out, _ = interpolate_frames(kp, pos)
    expect = np.stack([kp[:, 0], 0.75 * kp[:, 1] + 0.25 * kp[:, 2],
                       0.5 * kp[:, 4] + 0.5 * kp[:, 5], kp[:, 5]], 1)
    np.testing.assert_allclose(out, expect, rtol=1e-5, atol=1e-6)
    assert out.dtype == np.float32
    # Integer positions reproduce the frames exactly.
    same, _ = interpolate_frames(kp, np.arange(6.))
    np.testing.assert_allclose(same, kp, rtol=1e-6)


def test_a_missing_neighbour_keeps_the_joint_missing():
    kp = np.zeros((1, 3, 2, 2))
    score = np.array([[[1., 1.], [0., 1.], [1., .5]]])
    _, s = interpolate_frames(kp, np.array([0., .5, 1.5, 2.]), score)
    # joint 0: 1; min(1, 0); min(0, 1); 1. joint 1: 1; 1; min(1, .5); .5
    np.testing.assert_allclose(s[0], [[1, 1], [0, 1], [0, .5], [1, .5]])


def test_transform_keys_and_repr(rng):
    kp = rng.uniform(0, 100, size=(1, 17, 13, 2))
    score = np.ones((1, 17, 13), np.float32)
    t = TRANSFORMS.build(dict(type='InterpolateSampleFrames', clip_len=8,
                              num_clips=3, test_mode=True))
    out = t(dict(keypoint=kp, keypoint_score=score, total_frames=17,
                 frame_dir='a'))
    assert out['keypoint'].shape == (1, 24, 13, 2)
    assert out['keypoint_score'].shape == (1, 24, 13)
    assert (out['total_frames'], out['clip_len'], out['num_clips']) == \
        (24, 8, 3)
    assert repr(t) == ('InterpolateSampleFrames(clip_len=8, num_clips=3, '
                       'test_mode=True, jitter=0.0)')
    with pytest.raises(ValueError, match='a: total_frames 16'):
        t(dict(keypoint=kp, total_frames=16, frame_dir='a'))
    with pytest.raises(ValueError, match='jitter'):
        InterpolateSampleFrames(8, jitter=2)


def test_motion_pipeline_with_interpolation(rng):
    kp = rng.uniform(0, 100, size=(1, 23, 20, 2)).astype(np.float32)
    sample = dict(keypoint=kp, keypoint_score=np.ones((1, 23, 20)),
                  total_frames=23, label=0, start_index=0, frame_dir='s')
    out = Compose(motion_pipeline(True, clip_len=8, num_clips=2,
                                  sampling='interpolate'))(dict(sample))
    assert tuple(out['inputs'].shape) == (2, 1, 8, 20, 4)
    train = Compose(motion_pipeline(False, clip_len=8,
                                    sampling='interpolate'))
    first, again = train(dict(sample)), train(dict(sample))
    assert tuple(first['inputs'].shape) == (1, 1, 8, 20, 4)
    assert np.array_equal(first['inputs'], again['inputs'])
    with pytest.raises(ValueError, match='sampling'):
        motion_pipeline(False, sampling='linear')
