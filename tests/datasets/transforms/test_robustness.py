# Copyright (c) mmaction-pose. All rights reserved.
"""RandomDropLimbKeypoint (PoseConv3D Table 7 corruption)."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from mmaction_pose.datasets.transforms.robustness import (
    COCO17_LIMB_KEYPOINTS, drop_limb_keypoints)
from mmaction_pose.registry import TRANSFORMS


def _build(**kwargs):
    return TRANSFORMS.build(dict(type='RandomDropLimbKeypoint', **kwargs))


def _dropped(before: dict, after: dict) -> np.ndarray:
    return after['keypoint_score'] != before['keypoint_score']


def test_limb_keypoints_are_elbows_wrists_knees_ankles():
    assert COCO17_LIMB_KEYPOINTS == (7, 8, 9, 10, 13, 14, 15, 16)


def test_p1_drops_exactly_one_limb_joint_per_person_and_frame(coco_pose):
    out = _build(p=1.0, seed=0).transform(copy.deepcopy(coco_pose))
    dropped = _dropped(coco_pose, out)
    assert (dropped.sum(-1) == 1).all()
    assert set(np.nonzero(dropped)[2]) <= set(COCO17_LIMB_KEYPOINTS)
    assert (out['keypoint'][dropped] == 0).all()
    assert (out['keypoint_score'][dropped] == 0).all()
    np.testing.assert_array_equal(out['keypoint'][~dropped],
                                  coco_pose['keypoint'][~dropped])


def test_p0_is_identity(coco_pose):
    out = _build(p=0.0).transform(copy.deepcopy(coco_pose))
    np.testing.assert_array_equal(out['keypoint'], coco_pose['keypoint'])
    np.testing.assert_array_equal(out['keypoint_score'],
                                  coco_pose['keypoint_score'])


def test_drop_rate_follows_p():
    kp = np.ones((2, 2000, 17, 2), np.float32)
    _, _, dropped = drop_limb_keypoints(kp, None, 0.25, (7, 8),
                                        np.random.default_rng(0))
    assert dropped.any(-1).mean() == pytest.approx(0.25, abs=0.02)


def test_functional_core_does_not_mutate_inputs(coco_pose):
    kp, score = coco_pose['keypoint'], coco_pose['keypoint_score']
    kp0, score0 = kp.copy(), score.copy()
    drop_limb_keypoints(kp, score, 1.0, COCO17_LIMB_KEYPOINTS,
                        np.random.default_rng(0))
    np.testing.assert_array_equal(kp, kp0)
    np.testing.assert_array_equal(score, score0)


def test_seeded_corruption_depends_on_video_not_on_call_order(coco_pose):
    t = _build(p=0.5, seed=3)
    a = dict(copy.deepcopy(coco_pose), frame_dir='a')
    b = dict(copy.deepcopy(coco_pose), frame_dir='b')
    first = t.transform(copy.deepcopy(a))['keypoint_score']
    t.transform(copy.deepcopy(b))
    again = t.transform(copy.deepcopy(a))['keypoint_score']
    other = t.transform(copy.deepcopy(b))['keypoint_score']
    np.testing.assert_array_equal(first, again)
    assert not np.array_equal(first, other)


def test_unseeded_uses_and_advances_the_global_rng(coco_pose):
    np.random.seed(0)
    first = _build(p=0.5).transform(copy.deepcopy(coco_pose))
    np.random.seed(0)
    again = _build(p=0.5).transform(copy.deepcopy(coco_pose))
    np.testing.assert_array_equal(first['keypoint'], again['keypoint'])


@pytest.mark.parametrize('zero_coords,zero_score', [(True, False),
                                                    (False, True)])
def test_drop_modes(coco_pose, zero_coords, zero_score):
    out = _build(p=1.0, seed=0, zero_coords=zero_coords,
                 zero_score=zero_score).transform(copy.deepcopy(coco_pose))
    changed_kp = (out['keypoint'] != coco_pose['keypoint']).any(-1)
    changed_score = out['keypoint_score'] != coco_pose['keypoint_score']
    assert changed_kp.any() == zero_coords
    assert changed_score.any() == zero_score


def test_missing_score_is_added(coco_pose):
    results = copy.deepcopy(coco_pose)
    del results['keypoint_score']
    out = _build(p=1.0, seed=0).transform(results)
    assert out['keypoint_score'].shape == coco_pose['keypoint'].shape[:3]
    assert (out['keypoint_score'] == 0).sum() == 2 * 8


@pytest.mark.parametrize('kwargs', [dict(p=1.5), dict(candidates=()),
                                    dict(zero_coords=False,
                                         zero_score=False)])
def test_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        _build(**kwargs)


def test_rejects_candidates_outside_the_skeleton(coco_pose):
    with pytest.raises(ValueError):
        _build(candidates=(20, )).transform(copy.deepcopy(coco_pose))


def test_heatmaps_lose_the_dropped_joint(coco_pose):
    pipeline = [_build(p=1.0, seed=0),
                TRANSFORMS.build(dict(type='GeneratePoseTarget', sigma=0.6))]
    results = copy.deepcopy(coco_pose)
    for t in pipeline:
        results = t.transform(results)
    dropped = _dropped(coco_pose, results)  # (M, T, V)
    heat = results['imgs']  # (T, V, H, W)
    only_one_person = dropped[0] & ~dropped[1]
    t, v = np.nonzero(only_one_person)
    assert heat.shape == (8, 17, 32, 32)
    both = dropped[0] & dropped[1]
    tb, vb = np.nonzero(both)
    assert (heat[tb, vb] == 0).all()
    assert (heat[t, v].max(axis=(-1, -2)) > 0).all()  # the other person
