# Copyright (c) mmaction-pose. All rights reserved.
"""Part affinity fields (functional core): direction, support, flip."""
from __future__ import annotations

import numpy as np
import pytest

from mmaction_pose.datasets.transforms.functional import (flip_paf,
                                                          paf_flip_params,
                                                          render_paf)
from mmaction_pose.structures import COCO17, PENN13


def _limb(a, b, shape=(12, 16), width=1.0, score=None, use_score=False):
    kp = np.array([[[a, b]]], np.float32)  # (M=1, T=1, V=2, 2)
    return render_paf(kp, score, [(0, 1)], shape, width, use_score)[0]


def test_paf_horizontal_limb_exact_values():
    paf = _limb((2, 5), (10, 5))
    assert paf.shape == (2, 12, 16)
    inside = np.zeros((12, 16), bool)
    inside[4:7, 2:11] = True  # |y - 5| <= 1 and 2 <= x <= 10
    np.testing.assert_array_equal(paf[0], inside.astype(np.float32))
    np.testing.assert_array_equal(paf[1], 0)


def test_paf_points_from_first_to_second_joint():
    # a quarter-pixel offset keeps every pixel off the support's border
    forward = _limb((3.25, 3), (9.25, 9))
    backward = _limb((9.25, 9), (3.25, 3))
    np.testing.assert_allclose(forward, -backward, atol=1e-6)
    s = np.sqrt(0.5)
    assert forward[0, 6, 6] == pytest.approx(s)
    assert forward[1, 6, 6] == pytest.approx(s)


def test_paf_vectors_are_unit_inside_support():
    paf = _limb((1.3, 2.7), (13.1, 9.4), width=1.5)
    norm = np.hypot(paf[0], paf[1])
    assert (norm > 0).sum() > 10
    np.testing.assert_allclose(norm[norm > 0], 1, rtol=1e-5)


def test_paf_overlapping_people_are_averaged():
    kp = np.array([[[(2, 5), (10, 5)]], [[(4, 5), (12, 5)]]], np.float32)
    paf = render_paf(kp, None, [(0, 1)], (12, 16))[0]
    assert paf[0, 5, 6] == pytest.approx(1.0)  # mean, not sum, of 2 people
    kp[1] = kp[1, :, ::-1]  # second person's limb points the other way
    paf = render_paf(kp, None, [(0, 1)], (12, 16))[0]
    assert paf[0, 5, 6] == pytest.approx(0.0)
    assert paf[0, 5, 3] == pytest.approx(1.0)


def test_paf_scores_scale_or_drop_limbs():
    score = np.array([[[0.5, 0.8]]], np.float32)
    paf = _limb((2, 5), (10, 5), score=score, use_score=True)
    assert paf[0].max() == pytest.approx(0.5)
    zero = np.array([[[0.0, 1.0]]], np.float32)
    np.testing.assert_array_equal(
        _limb((2, 5), (10, 5), score=zero, use_score=True), 0)
    # use_score=False ignores the scores (like GeneratePoseTarget)
    assert _limb((2, 5), (10, 5), score=zero)[0].max() == 1.0


def test_paf_degenerate_limb_is_empty():
    np.testing.assert_array_equal(_limb((4, 4), (4, 4)), 0)


def test_paf_shape_and_dtype(rng):
    kp = rng.uniform(0, 20, (2, 5, 13, 2))
    paf = render_paf(kp, None, PENN13.limbs, (24, 20))
    assert paf.shape == (5, 2 * PENN13.num_limbs, 24, 20)
    assert paf.dtype == np.float32
    assert np.abs(paf).max() <= 1


def test_paf_does_not_mutate_inputs(rng):
    kp = rng.uniform(0, 20, (1, 2, 13, 2)).astype(np.float32)
    score = np.ones((1, 2, 13), np.float32)
    kp0, score0 = kp.copy(), score.copy()
    render_paf(kp, score, PENN13.limbs, (24, 20), use_score=True)
    np.testing.assert_array_equal(kp, kp0)
    np.testing.assert_array_equal(score, score0)


def test_paf_flip_params_reverse_self_symmetric_limbs():
    src, sign = paf_flip_params(PENN13.limbs, PENN13.flip_index)
    hips = PENN13.limbs.index((7, 8))  # (left_hip, right_hip)
    assert src[hips] == hips and sign[hips] == -1
    l_upper_arm = PENN13.limbs.index((1, 3))
    assert PENN13.limbs[src[l_upper_arm]] == (2, 4) and sign[l_upper_arm] == 1
    np.testing.assert_array_equal(src, PENN13.limb_flip_index)


@pytest.mark.parametrize('layout', [PENN13, COCO17], ids=lambda x: x.name)
def test_paf_of_mirrored_pose_equals_flipped_paf(layout, rng):
    h, w = 24, 20
    kp = rng.uniform(1, 18, (2, 3, layout.num_joints, 2)).astype(np.float32)
    mirrored = kp[:, :, list(layout.flip_index)].copy()
    mirrored[..., 0] = (w - 1) - mirrored[..., 0]
    paf = render_paf(kp, None, layout.limbs, (h, w), limb_width=1.3)
    ref = render_paf(mirrored, None, layout.limbs, (h, w), limb_width=1.3)
    np.testing.assert_allclose(flip_paf(paf, layout.limbs, layout.flip_index),
                               ref, atol=1e-5)


def test_flip_paf_twice_is_identity(rng):
    paf = rng.uniform(-1, 1, (3, 2 * PENN13.num_limbs, 6, 5))
    twice = flip_paf(flip_paf(paf, PENN13.limbs, PENN13.flip_index),
                     PENN13.limbs, PENN13.flip_index)
    np.testing.assert_allclose(twice, paf)
