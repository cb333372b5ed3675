# Copyright (c) mmaction-pose. All rights reserved.
"""UniformSampleFrames: mmaction2's indices in train and test mode, without
touching numpy's global RNG in test mode, and without the O(T·M) loop."""
from __future__ import annotations

import copy
import time

import numpy as np
import pytest
from mmaction.datasets.transforms import \
    UniformSampleFrames as MMAUniformSampleFrames

from mmaction_pose.datasets.transforms.functional import \
    uniform_sample_indices
from mmaction_pose.registry import TRANSFORMS

# short (< clip_len), medium (< 2 clip_len) and long videos
FRAMES = [1, 3, 7, 8, 9, 15, 16, 17, 40, 64, 301]


@pytest.fixture
def global_rng_restored():
    state = np.random.get_state()
    yield
    np.random.set_state(state)


def _sample(total_frames: int, with_keypoint: bool = True,
            start_index: int = 0) -> dict:
    sample = dict(total_frames=total_frames, start_index=start_index)
    if with_keypoint:
        kp = np.zeros((2, total_frames, 17, 2), np.float32)
        kp[0, ::2] = 1.  # person 0 appears every other frame
        sample['keypoint'] = kp
    return sample


@pytest.mark.parametrize('clip_len, num_clips', [(8, 1), (5, 3), (16, 2)])
@pytest.mark.parametrize('start_index', [0, 2])
def test_train_indices_match_mmaction(clip_len, num_clips, start_index,
                                      global_rng_restored):
    kwargs = dict(clip_len=clip_len, num_clips=num_clips)
    ours = TRANSFORMS.build(dict(type='UniformSampleFrames', **kwargs))
    theirs = MMAUniformSampleFrames(**kwargs)
    for seed, total in enumerate(FRAMES):
        # mmaction2 indexes its per-frame list with start_index already
        # added (IndexError with keypoints), so no keypoints there.
        sample = _sample(total, with_keypoint=not start_index,
                         start_index=start_index)
        np.random.seed(seed)
        out = ours.transform(copy.deepcopy(sample))
        np.random.seed(seed)
        ref = theirs.transform(copy.deepcopy(sample))
        assert out.keys() == ref.keys()
        assert out['frame_inds'].dtype == ref['frame_inds'].dtype == np.int32
        np.testing.assert_array_equal(out['frame_inds'], ref['frame_inds'])
        for key in ('clip_len', 'frame_interval', 'num_clips'):
            assert out[key] == ref[key]


@pytest.mark.parametrize('clip_len, num_clips', [(8, 1), (5, 10), (48, 10)])
@pytest.mark.parametrize('seed', [255, 0, 7])
def test_test_indices_match_mmaction(clip_len, num_clips, seed,
                                     global_rng_restored):
    kwargs = dict(clip_len=clip_len, num_clips=num_clips, test_mode=True,
                  seed=seed)
    ours = TRANSFORMS.build(dict(type='UniformSampleFrames', **kwargs))
    theirs = MMAUniformSampleFrames(**kwargs)
    for total in FRAMES:
        out = ours.transform(_sample(total))
        ref = theirs.transform(_sample(total))
        np.testing.assert_array_equal(out['frame_inds'], ref['frame_inds'])


def test_pinned_mmaction_test_indices():
    # mmaction2's tests/datasets/transforms/test_pose_transforms.py
    out = TRANSFORMS.build(
        dict(type='UniformSampleFrames', clip_len=8, test_mode=True,
             seed=0)).transform(dict(total_frames=64, start_index=0))
    assert out['frame_inds'].tolist() == [4, 15, 21, 24, 35, 43, 51, 63]


def test_test_mode_leaves_global_rng_untouched():
    sampler = TRANSFORMS.build(
        dict(type='UniformSampleFrames', clip_len=8, num_clips=3,
             test_mode=True))
    before = np.random.get_state()
    first = sampler.transform(_sample(40))['frame_inds']
    after = np.random.get_state()
    assert before[0] == after[0] and before[2:] == after[2:]
    np.testing.assert_array_equal(before[1], after[1])
    np.testing.assert_array_equal(
        first, sampler.transform(_sample(40))['frame_inds'])


def test_train_mode_draws_from_global_rng(global_rng_restored):
    sampler = TRANSFORMS.build(dict(type='UniformSampleFrames', clip_len=8))
    np.random.seed(1)
    a = sampler.transform(_sample(64))['frame_inds']
    np.random.seed(1)
    b = sampler.transform(_sample(64))['frame_inds']
    c = sampler.transform(_sample(64))['frame_inds']
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(b, c)


def test_keypoints_are_not_scanned_frame_by_frame():
    """mmaction2 loops over frames x persons in Python (a no-op); a
    zero-stride 10^6-frame keypoint array shows the loop is gone."""
    kp = np.broadcast_to(np.float32(0), (4, 10**6, 17, 2))
    sampler = TRANSFORMS.build(
        dict(type='UniformSampleFrames', clip_len=48, num_clips=10,
             test_mode=True))
    start = time.perf_counter()
    out = sampler.transform(dict(total_frames=10**6, keypoint=kp))
    assert time.perf_counter() - start < 0.5
    assert out['frame_inds'].shape == (480, )


def test_keypoint_frame_count_is_checked():
    sampler = TRANSFORMS.build(dict(type='UniformSampleFrames', clip_len=4))
    with pytest.raises(AssertionError):
        sampler.transform(dict(total_frames=9, keypoint=np.zeros((1, 8, 17,
                                                                  2))))


@pytest.mark.parametrize('total', FRAMES)
def test_functional_indices_are_sorted_per_clip_and_in_range(total):
    inds = uniform_sample_indices(total, 8, 2, test_mode=True,
                                  rng=np.random.RandomState(0))
    assert inds.shape == (16, )
    assert ((inds >= 0) & (inds < total)).all()
    if total >= 8:
        for clip in inds.reshape(2, 8):
            assert (np.diff(clip) > 0).all()


def test_start_index_with_keypoints(global_rng_restored):
    """mmaction2 raises IndexError here (its no-op loop indexes per-frame
    flags with start_index already added); ours just offsets."""
    sampler = TRANSFORMS.build(dict(type='UniformSampleFrames', clip_len=8))
    np.random.seed(0)
    a = sampler.transform(_sample(20, start_index=0))['frame_inds']
    np.random.seed(0)
    b = sampler.transform(_sample(20, start_index=3))['frame_inds']
    np.testing.assert_array_equal(b, a + 3)
