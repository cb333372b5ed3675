# Copyright (c) mmaction-pose. All rights reserved.
"""RandomViewAffine: the map's formula, missing joints, ranges, errors."""
import numpy as np
import pytest

from mmaction_pose.datasets.transforms import RandomViewAffine
from mmaction_pose.datasets.transforms.functional.keypoint_affine import (
    apply_view_affine, view_affine_matrix)


def test_matrix_formula():
    np.testing.assert_allclose(view_affine_matrix(), np.eye(2))
    np.testing.assert_allclose(view_affine_matrix(rotation=90),
                               [[0, -1], [1, 0]], atol=1e-12)
    np.testing.assert_allclose(
        view_affine_matrix(scale_x=0.5, scale_y=2, shear=0.25),
        [[0.5, 0.5], [0, 2]])


def test_apply_about_the_centre_keeps_missing_joints():
    kp = np.array([[[[1., 1.], [3., 1.], [0., 0.], [2., 4.]]]],
                  dtype=np.float32)  # (1, 1, 4, 2), joint 2 missing
    out = apply_view_affine(kp, view_affine_matrix(scale_x=0.5))
    centre = np.array([2., 2.])  # mean of the valid joints
    want = (kp[0, 0, [0, 1, 3]] - centre) * [0.5, 1.] + centre
    np.testing.assert_allclose(out[0, 0, [0, 1, 3]], want)
    assert (out[0, 0, 2] == 0).all()
    assert out.dtype == np.float32 and kp[0, 0, 0, 0] == 1  # input kept


def test_transform_draws_within_ranges_and_is_seeded():
    rng = np.random.default_rng(0)
    kp = rng.uniform(10, 100, (2, 5, 13, 2)).astype(np.float32)
    t = RandomViewAffine(rotation=0, scale_x=(0.5, 0.8), scale_y=0,
                         shear=0, seed=3)
    for _ in range(20):
        out = t(dict(keypoint=kp.copy()))
        sx = out['view_affine'][0, 0]
        assert 0.5 <= sx <= 0.8
        np.testing.assert_allclose(out['view_affine'][1], [0, 1])
        # the x-spread shrinks by sx, y is unchanged
        np.testing.assert_allclose(np.ptp(out['keypoint'][..., 0]),
                                   sx * np.ptp(kp[..., 0]), rtol=1e-4)
        np.testing.assert_allclose(out['keypoint'][..., 1], kp[..., 1])
    a = RandomViewAffine(seed=1)(dict(keypoint=kp))['view_affine']
    b = RandomViewAffine(seed=1)(dict(keypoint=kp))['view_affine']
    np.testing.assert_array_equal(a, b)
    out = RandomViewAffine(p=0.)(dict(keypoint=kp))
    np.testing.assert_array_equal(out['keypoint'], kp)


def test_bad_ranges_fail_early():
    with pytest.raises(ValueError, match='scales must be positive'):
        RandomViewAffine(scale_x=(0., 1.))
    with pytest.raises(ValueError, match='min 2.0 > max 1.0'):
        RandomViewAffine(scale_y=(2., 1.))
    with pytest.raises(ValueError, match='p must be'):
        RandomViewAffine(p=2)
    assert 'RandomViewAffine(rotation=(-15.0, 15.0)' in repr(
        RandomViewAffine())
