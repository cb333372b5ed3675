# Copyright (c) mmaction-pose. All rights reserved.
"""PoseCompact: parity with mmaction2's class, input not mutated."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from mmaction.datasets.transforms import PoseCompact as MMAPoseCompact

from mmaction_pose.datasets.transforms.functional import (compact_box,
                                                          crop_keypoints)
from mmaction_pose.registry import TRANSFORMS

CASES = [
    dict(),
    dict(hw_ratio=1., allow_imgpad=True),
    dict(hw_ratio=1., allow_imgpad=False),
    dict(hw_ratio=(0.5, 2.), padding=0.5),
    dict(padding=0., threshold=0),
    dict(threshold=200),  # box too small: unchanged (NaN still zeroed)
]


def random_sample(rng: np.random.Generator, nan: bool, quadruple: bool,
                  dtype: type) -> dict:
    h, w = int(rng.integers(60, 200)), int(rng.integers(60, 200))
    kp = rng.uniform(-20, 1, (2, 5, 17, 2))
    kp[..., 0] += rng.uniform(0, w + 20)
    kp[..., 1] += rng.uniform(0, h + 20)
    kp *= rng.uniform(size=kp.shape) > 0.1  # missing joints are 0
    kp = kp.astype(dtype)
    if nan:
        kp[1, 2, 3] = np.nan
    sample = dict(keypoint=kp, img_shape=(h, w))
    if quadruple:
        sample['crop_quadruple'] = (0.1, 0.2, 0.5, 0.6)
    return sample


@pytest.mark.parametrize('kwargs', CASES)
def test_pose_compact_matches_mmaction(kwargs, rng):
    ours = TRANSFORMS.build(dict(type='PoseCompact', **kwargs))
    theirs = MMAPoseCompact(**kwargs)
    for i in range(12):
        sample = random_sample(rng, nan=i % 3 == 0, quadruple=i % 2 == 0,
                               dtype=(np.float32, np.float64)[i % 2])
        out = ours.transform(copy.deepcopy(sample))
        ref = theirs.transform(copy.deepcopy(sample))
        assert out.keys() == ref.keys()
        assert out['img_shape'] == ref['img_shape']
        assert out['keypoint'].dtype == ref['keypoint'].dtype
        np.testing.assert_array_equal(out['keypoint'], ref['keypoint'])
        if 'crop_quadruple' in ref:
            np.testing.assert_allclose(out['crop_quadruple'],
                                       ref['crop_quadruple'], rtol=1e-12)


def test_input_keypoints_are_not_mutated(rng):
    sample = random_sample(rng, nan=True, quadruple=False, dtype=np.float32)
    kp_in = sample['keypoint']
    original = kp_in.copy()
    out = TRANSFORMS.build(dict(type='PoseCompact')).transform(sample)
    assert out['keypoint'] is not kp_in
    np.testing.assert_array_equal(kp_in, original)  # NaN == NaN here
    kp = original.copy()
    box = compact_box(kp, (100, 100))
    crop_keypoints(kp, box)
    np.testing.assert_array_equal(kp, original)


def test_box_of_a_known_pose():
    kp = np.zeros((1, 1, 3, 2), np.float32)
    kp[0, 0] = [[10, 20], [30, 60], [0, 0]]  # the zero joint is missing
    assert compact_box(kp, (100, 100), padding=0.) == (10, 20, 30, 60)
    assert compact_box(kp, (100, 100), padding=0.5) == (5, 10, 35, 70)
    # hw_ratio 1: the width grows to the height around the centre
    assert compact_box(kp, (100, 100), padding=0., hw_ratio=(1., 1.)) == \
        (0, 20, 40, 60)
    moved = crop_keypoints(kp, (10, 20, 30, 60))
    assert moved[0, 0].tolist() == [[0, 0], [20, 40], [0, 0]]
