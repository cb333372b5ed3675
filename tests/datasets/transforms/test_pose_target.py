# Copyright (c) mmaction-pose. All rights reserved.
"""GeneratePoseTarget: parity with mmaction2's class on randomized samples,
the joint+limb channel fix, and heatmap properties."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from mmaction.datasets.transforms import FormatShape
from mmaction.datasets.transforms import \
    GeneratePoseTarget as MMAGeneratePoseTarget

from mmaction_pose.datasets.transforms.functional import (gaussian_splats,
                                                          render_pose_heatmaps)
from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures.skeleton_layouts import COCO17, layout_lists

COCO = layout_lists('coco17')

# (transform kwargs, sample kwargs); every case is run on several random
# samples. Excluded from parity: with_kp=True + with_limb=True (mmaction2
# bug, see test_joint_and_limb_channels_follow_each_other).
CASES = [
    (dict(), dict()),
    (dict(use_score=False), dict()),
    (dict(with_kp=False, with_limb=True), dict()),
    (dict(with_kp=False, with_limb=True, use_score=False), dict(m=3)),
    (dict(double=True), dict()),
    (dict(with_kp=False, with_limb=True, double=True), dict()),
    (dict(double=True, left_kp=COCO['left_kp'], right_kp=COCO['right_kp'],
          skeletons=COCO['skeletons'], left_limb=COCO['left_limb'],
          right_limb=COCO['right_limb'], with_kp=False, with_limb=True),
     dict()),
    (dict(scaling=0.25), dict(size=(96, 80))),
    (dict(scaling=0.5, with_kp=False, with_limb=True), dict(size=(40, 44))),
    (dict(sigma=1.3), dict()),
    (dict(sigma=0.5, with_kp=False, with_limb=True), dict()),
    (dict(double=True, left_kp=(1, 2), right_kp=(2, 3)), dict()),  # odd
    (dict(), dict(m=4)),                                  # many persons
    (dict(), dict(zero_frac=1.0)),                        # all scores 0
    (dict(with_kp=False, with_limb=True), dict(spread=30.)),  # far outside
    (dict(), dict(t=1)),                                  # 1-frame clip
    (dict(double=True), dict(t=160, size=(12, 12))),      # long clip
    (dict(), dict(integer=True)),                         # integer pixels
    (dict(with_kp=False, with_limb=True), dict(integer=True)),  # |ab|<1
    (dict(), dict(m=0)),                                  # nobody
    (dict(), dict(no_score=True)),
    (dict(), dict(score_dtype=np.float64)),
    (dict(), dict(channels=3)),  # (x, y, s): mmaction2's limbs break
]


def random_sample(rng: np.random.Generator,
                  m: int = 2,
                  t: int = 4,
                  size: tuple[int, int] = (24, 20),
                  spread: float = 6.,
                  zero_frac: float = 0.2,
                  integer: bool = False,
                  no_score: bool = False,
                  score_dtype: type = np.float32,
                  channels: int = 2) -> dict:
    """Joints around the canvas (some outside), some scores 0."""
    h, w = size
    kp = rng.uniform(-spread, 1, (m, t, 17, channels))
    kp[..., 0] += rng.uniform(0, w + spread, (m, t, 17))
    kp[..., 1] += rng.uniform(0, h + spread, (m, t, 17))
    if integer:  # also makes coincident limb endpoints (|ab|² < 1)
        kp = np.round(kp / 4) * 4
    score = rng.uniform(0, 1, (m, t, 17))
    score[rng.uniform(size=score.shape) < zero_frac] = 0
    sample = dict(keypoint=kp.astype(np.float32), img_shape=size)
    if not no_score:
        sample['keypoint_score'] = score.astype(score_dtype)
    return sample


@pytest.mark.parametrize('kwargs, sample_kwargs', CASES)
def test_generate_pose_target_matches_mmaction(kwargs, sample_kwargs, rng):
    ours = TRANSFORMS.build(dict(type='GeneratePoseTarget', **kwargs))
    theirs = MMAGeneratePoseTarget(**kwargs)
    for _ in range(6):
        sample = random_sample(rng, **sample_kwargs)
        out = ours.transform(copy.deepcopy(sample))
        ref = theirs.transform(copy.deepcopy(sample))
        assert out.keys() == ref.keys()
        assert out['imgs'].shape == ref['imgs'].shape
        assert out['imgs'].dtype == ref['imgs'].dtype
        np.testing.assert_allclose(out['imgs'], ref['imgs'], atol=1e-5)


@pytest.mark.parametrize('kwargs', [
    dict(),
    dict(sigma=1, use_score=False, double=True, scaling=0.25),
    # What configs pass: lists (configs/_base_/skeletons/coco17.py).
    dict(with_kp=False, with_limb=True, **COCO),
])
def test_repr_equals_mmaction(kwargs):
    kwargs = {k: v for k, v in kwargs.items()
              if k not in ('num_joints', 'part_index')}
    ours = TRANSFORMS.build(dict(type='GeneratePoseTarget', **kwargs))
    assert repr(ours) == repr(MMAGeneratePoseTarget(**kwargs))
    explicit = TRANSFORMS.build(
        dict(type='GeneratePoseTarget', out_key='heatmap_imgs', **kwargs))
    assert repr(explicit) == repr(ours)[:-1] + ", out_key='heatmap_imgs')"


def test_output_key_follows_mmaction_and_can_be_explicit(coco_pose):
    sample = dict(coco_pose, imgs=np.zeros((8, 32, 32, 3), np.uint8))
    out = TRANSFORMS.build(dict(type='GeneratePoseTarget')).transform(
        copy.deepcopy(sample))
    assert out['heatmap_imgs'].shape == (8, 17, 32, 32)
    out = TRANSFORMS.build(
        dict(type='GeneratePoseTarget', out_key='pose_maps')).transform(
            copy.deepcopy(sample))
    assert out['pose_maps'].shape == (8, 17, 32, 32)
    assert 'heatmap_imgs' not in out


@pytest.mark.parametrize('num_clips, double', [(1, False), (3, True)])
def test_format_shape_of_output_matches_mmaction(num_clips, double, rng):
    kwargs = dict(double=double)
    sample = dict(random_sample(rng, t=2 * num_clips), num_clips=num_clips,
                  clip_len=2)
    fmt = FormatShape('NCTHW_Heatmap')
    out = fmt.transform(TRANSFORMS.build(
        dict(type='GeneratePoseTarget', **kwargs)).transform(
            copy.deepcopy(sample)))
    ref = fmt.transform(
        MMAGeneratePoseTarget(**kwargs).transform(copy.deepcopy(sample)))
    assert out['input_shape'] == ref['input_shape']
    np.testing.assert_allclose(out['imgs'], ref['imgs'], atol=1e-5)


def test_joint_and_limb_channels_follow_each_other(rng):
    """mmaction2 bug: limbs overwrite joint channels 0..L-1 and channels
    V..V+L-1 stay zero. Ours: V joint channels, then L limb channels."""
    sample = random_sample(rng, t=3)
    both = TRANSFORMS.build(
        dict(type='GeneratePoseTarget', with_kp=True,
             with_limb=True)).transform(copy.deepcopy(sample))['imgs']
    joints = MMAGeneratePoseTarget().transform(copy.deepcopy(sample))['imgs']
    limbs = MMAGeneratePoseTarget(
        with_kp=False, with_limb=True).transform(copy.deepcopy(sample))['imgs']
    assert both.shape == (3, 34, 24, 20)
    np.testing.assert_allclose(both[:, :17], joints, atol=1e-5)
    np.testing.assert_allclose(both[:, 17:], limbs, atol=1e-5)
    assert limbs.any()


def test_joint_and_limb_double_swaps_both_blocks(rng):
    sample = random_sample(rng, t=2)
    both = TRANSFORMS.build(
        dict(type='GeneratePoseTarget', with_kp=True, with_limb=True,
             double=True)).transform(copy.deepcopy(sample))['imgs']
    joints = MMAGeneratePoseTarget(double=True).transform(
        copy.deepcopy(sample))['imgs']
    limbs = MMAGeneratePoseTarget(with_kp=False, with_limb=True,
                                  double=True).transform(
                                      copy.deepcopy(sample))['imgs']
    np.testing.assert_allclose(both, np.concatenate([joints, limbs], 1),
                               atol=1e-5)


def test_zero_scores_give_zero_maps(coco_pose):
    sample = dict(coco_pose, keypoint_score=np.zeros((2, 8, 17), np.float32))
    for kwargs in (dict(), dict(with_kp=False, with_limb=True, double=True)):
        out = TRANSFORMS.build(dict(type='GeneratePoseTarget',
                                    **kwargs)).transform(sample)
        assert not out['imgs'].any()


def test_peak_of_a_single_gaussian_equals_its_score():
    _, rows, cols, vals = gaussian_splats(
        np.array([[5., 7.]], np.float32), np.array([0.75]), (16, 16), 0.6)
    peak = np.unravel_index(vals[0].argmax(), vals[0].shape)
    assert (rows[0][peak[0]], cols[0][peak[1]]) == (7, 5)
    assert vals[0].max() == np.float32(0.75)
    # window: int(5 - 1.8) = 3 .. int(5 + 1.8) = 6 -> columns 3, 4, 5, 6
    assert (vals[0].max(0) > 0).sum() == 4


def test_double_equals_rendering_of_flipped_keypoints():
    """The flipped half equals the maps of x' = W - 1 - x with left/right
    joints swapped, where windows are symmetric (integer x and 3σ)."""
    rng = np.random.default_rng(3)
    w = 20
    kp = rng.integers(4, w - 4, (2, 3, 17, 2)).astype(np.float32)
    score = rng.uniform(0.1, 1, (2, 3, 17)).astype(np.float32)
    flip = list(COCO17.flip_index)
    out = render_pose_heatmaps(kp, score, (20, w), sigma=1.,
                               flip_index=flip)
    flipped = kp[:, :, flip].copy()
    flipped[..., 0] = w - 1 - flipped[..., 0]
    ref = render_pose_heatmaps(flipped, score[:, :, flip], (20, w), sigma=1.)
    np.testing.assert_allclose(out[3:], ref, atol=1e-6)


def test_inputs_are_not_mutated(coco_pose):
    sample = copy.deepcopy(coco_pose)
    TRANSFORMS.build(dict(type='GeneratePoseTarget', scaling=0.5,
                          with_limb=True)).transform(sample)
    np.testing.assert_array_equal(sample['keypoint'], coco_pose['keypoint'])
    np.testing.assert_array_equal(sample['keypoint_score'],
                                  coco_pose['keypoint_score'])


def test_nan_keypoints_are_skipped(coco_pose):
    sample = copy.deepcopy(coco_pose)
    sample['keypoint'][0, :, 3] = np.nan
    out = TRANSFORMS.build(dict(type='GeneratePoseTarget',
                                with_limb=True)).transform(sample)['imgs']
    assert np.isfinite(out).all()
