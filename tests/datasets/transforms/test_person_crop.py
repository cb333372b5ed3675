# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine's person-centric crop (Sec. 3.1, 4.3): one union box per
video, jitter, squaring, crop + resize with keypoints that follow the
pixels, and the box three-crop of the test protocol."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from mmaction.datasets.transforms import Flip, FormatShape

from mmaction_pose.datasets.transforms import BoxThreeCrop, PersonBoxCrop
from mmaction_pose.datasets.transforms.functional import (
    crop_resize, jitter_box, square_box, transform_keypoints, union_box)
from mmaction_pose.registry import TRANSFORMS


def _centre_wh(box):
    x1, y1, x2, y2 = np.asarray(box, np.float64)
    return np.array([(x1 + x2) / 2, (y1 + y2) / 2]), np.array(
        [x2 - x1, y2 - y1])


def test_union_box_of_keypoints_with_score_threshold():
    kp = np.array([[[[10., 20.], [30., 60.]], [[20., 40.], [99., 99.]]]])
    score = np.array([[[1., .9], [.5, .2]]])  # (99, 99) is at the thr
    tight = union_box(kp, score, score_thr=0.2, expand=0.)
    np.testing.assert_allclose(tight, [10, 20, 30, 60])
    big = union_box(kp, score, score_thr=0.2, expand=0.5)
    c, wh = _centre_wh(big)
    np.testing.assert_allclose(c, [20, 40])
    np.testing.assert_allclose(wh, [30, 60])  # 1.5 x (20, 40)
    assert big.dtype == np.float32 and big.shape == (4, )
    # Without scores every keypoint counts; (0, 0) means missing.
    kp[0, 0, 0] = 0
    np.testing.assert_allclose(
        union_box(kp, None, expand=0.), [20, 40, 99, 99])


def test_union_box_of_detections_and_the_fallbacks():
    boxes = np.zeros((2, 3, 4))  # (M, T, 4); zeros = no detection
    boxes[0, 0] = [5, 6, 20, 30]
    boxes[0, 2] = [10, 2, 25, 28]
    boxes[1, 1] = [0, 0, 70, 50]  # a low-score detection
    scores = np.array([[.995, 0., .99], [0., .98, 0.]])
    kp = np.full((1, 3, 2, 2), 40.)
    out = union_box(
        kp, None, boxes=boxes, box_scores=scores, box_score_thr=0.99)
    np.testing.assert_allclose(out, [5, 2, 25, 30])  # detections, no expand
    np.testing.assert_allclose(
        union_box(None, boxes=boxes[0, [0, 2]]), [5, 2, 25, 30])
    # No detection qualifies: the keypoints; no keypoint either: the image.
    kp[0, 0, 1] = [60., 50.]
    np.testing.assert_allclose(
        union_box(kp, None, boxes=boxes, box_scores=scores * 0, expand=0.),
        [40, 40, 60, 50])
    zero = np.zeros((1, 3, 2))
    np.testing.assert_allclose(
        union_box(
            kp, zero, boxes=boxes, box_scores=scores * 0, img_shape=(60, 80)),
        [0, 0, 80, 60])
    with pytest.raises(ValueError, match='img_shape'):
        union_box(kp, zero)


def test_jitter_stays_within_its_bounds():
    rng = np.random.default_rng(0)
    box = np.array([10., 20., 50., 100.])
    c0, wh0 = _centre_wh(box)
    out = np.stack([jitter_box(box, rng) for _ in range(2000)])
    c, wh = _centre_wh(out.T)
    shift, scale = (c.T - c0) / wh0, wh.T / wh0
    assert (np.abs(shift) <= 0.1 + 1e-6).all()
    assert (scale >= 0.9 - 1e-6).all() and (scale <= 1.1 + 1e-6).all()
    # The whole range is used, and x and y are drawn independently.
    assert np.abs(shift).max(0).min() > 0.095
    assert scale.min() < 0.905 and scale.max() > 1.095
    assert abs(np.corrcoef(scale.T)[0, 1]) < 0.1
    # np.random itself is accepted as the generator.
    assert jitter_box(box, np.random).shape == (4, )


@pytest.mark.parametrize('box', [[10, 20, 50, 100], [0, 5, 90, 25]])
@pytest.mark.parametrize('ratio', [1., 2.])
def test_square_box(box, ratio):
    out = square_box(box, ratio)
    c, wh = _centre_wh(out)
    np.testing.assert_allclose(c, _centre_wh(box)[0], atol=1e-4)
    np.testing.assert_allclose(wh[1] / wh[0], ratio, rtol=1e-5)
    assert out[0] <= box[0] and out[1] <= box[1]
    assert out[2] >= box[2] and out[3] >= box[3]
    assert np.isclose(wh, _centre_wh(box)[1], atol=1e-4).any()


def _dot(shape, x, y):
    img = np.zeros(shape, np.uint8)
    img[y, x] = 255
    return img


@pytest.mark.parametrize(
    'box',
    [
        [10.3, 5.7, 30.3, 25.7],  # inside, upscaled 2.4 x / 3.2 x
        [-12.6, -9.1, 31.4, 27.9],  # partly outside the image
    ])
def test_crop_resize_and_transform_keypoints_agree(box):
    """A keypoint at a pixel's centre (c + 0.5, r + 0.5) lands on the
    brightest output pixel (its centre is (j + 0.5, i + 0.5)). The other
    convention (point = pixel index) would be off by (s - 1) / 2 >= 0.7."""
    out_hw = (64, 48)
    for x, y in [(20, 13), (12, 20), (28, 7)]:
        warped = crop_resize([_dot((40, 50, 3), x, y)], box, out_hw)[0]
        assert warped.shape == out_hw + (3, ) and warped.dtype == np.uint8
        i, j = np.unravel_index(warped[..., 1].argmax(), out_hw)
        kx, ky = transform_keypoints(np.array([x + .5, y + .5]), box, out_hw)
        assert abs(j + .5 - kx) <= .5 and abs(i + .5 - ky) <= .5


def test_crop_outside_the_image_is_padded():
    img = np.full((40, 50, 3), 100, np.uint8)
    out = crop_resize([img], [-10, -20, 30, 20], (40, 40), pad_value=7)[0]
    # The box spans x in [-10, 30], y in [-20, 20] -> 1 output px per px.
    assert (out[:, :10] == 7).all() and (out[:20] == 7).all()
    assert (out[20:, 10:] == 100).all()
    rgb = crop_resize([img], [-10, 0, 30, 40], (40, 40), (1, 2, 3))[0]
    assert rgb[0, 0].tolist() == [1, 2, 3]


def _results(t=4, hw=(60, 80), seed=0):
    rng = np.random.default_rng(seed)
    kp = rng.uniform([30, 15], [50, 45], (1, t, 17, 2)).astype(np.float32)
    return dict(
        imgs=list(rng.integers(0, 256, (t, ) + hw + (3, ), np.uint8)),
        img_shape=hw,
        keypoint=kp,
        keypoint_score=np.ones((1, t, 17), np.float32),
        modality='RGB')


def test_person_box_crop_end_to_end():
    res = _results()
    out = PersonBoxCrop(out_size=(32, 32)).transform(copy.deepcopy(res))
    assert len(out['imgs']) == 4 and out['img_shape'] == (32, 32)
    assert all(i.shape == (32, 32, 3) and i.dtype == np.uint8
               for i in out['imgs'])
    box = out['crop_box']
    assert box.dtype == np.float32 and box.shape == (4, )
    np.testing.assert_allclose(box[2] - box[0], box[3] - box[1])
    expected = square_box(
        union_box(res['keypoint'], res['keypoint_score'], img_shape=(60, 80)))
    np.testing.assert_allclose(box, expected)
    kp = out['keypoint']
    assert kp.shape == (1, 4, 17, 2) and kp.dtype == np.float32
    assert (kp >= 0).all() and (kp < 32).all()
    np.testing.assert_allclose(
        kp, transform_keypoints(res['keypoint'], box, (32, 32)))
    again = PersonBoxCrop(out_size=(32, 32)).transform(copy.deepcopy(res))
    np.testing.assert_array_equal(
        np.stack(again['imgs']), np.stack(out['imgs']))


def test_jitter_follows_the_seed():

    def crop_box(seed):
        t = PersonBoxCrop(out_size=(16, 16), jitter=True, seed=seed)
        return t.transform(_results())['crop_box']

    np.testing.assert_array_equal(crop_box(0), crop_box(0))
    assert not np.allclose(crop_box(0), crop_box(1))
    plain = PersonBoxCrop(out_size=(16, 16)).transform(_results())
    assert not np.allclose(crop_box(0), plain['crop_box'])


def test_one_box_for_every_frame():
    res = _results()
    res['keypoint'][0, 0] = [20., 20.]  # the person moves
    res['keypoint'][0, 3] = [60., 40.]
    base = res['imgs'][0] // 2
    res['imgs'] = [base + 10 * t for t in range(4)]
    out = PersonBoxCrop(out_size=(32, 32), pad_value=0).transform(res)
    x1, y1, x2, y2 = out['crop_box']
    assert x1 < 20 and y1 < 20 and x2 > 60 and y2 > 40
    first = out['imgs'][0].astype(int)
    for t, img in enumerate(out['imgs']):  # same geometry, offset t * 10
        assert np.abs(img.astype(int) - first - 10 * t).max() <= 1


def test_flip_after_the_crop_keeps_keypoints_on_their_pixels():
    dots = [(30, 20), (45, 40), (38, 28), (52, 33)]  # one dot per frame
    res = dict(
        imgs=[_dot((60, 80, 3), x, y) for x, y in dots],
        img_shape=(60, 80),
        keypoint=np.array([[[[x + .5, y + .5]] for x, y in dots]], np.float32),
        keypoint_score=np.ones((1, 4, 1), np.float32),
        modality='RGB')
    out = PersonBoxCrop(out_size=(56, 56)).transform(res)
    out = Flip(flip_ratio=1.).transform(out)
    for img, (kx, ky) in zip(out['imgs'], out['keypoint'][0, :, 0]):
        i, j = np.unravel_index(img[..., 0].argmax(), img.shape[:2])
        assert abs(j + .5 - kx) <= .5 and abs(i + .5 - ky) <= .5


def test_box_three_crop():
    rng = np.random.default_rng(0)
    frames = list(rng.integers(0, 256, (4, 40, 40, 3), np.uint8))
    kp = rng.uniform(0, 40, (2, 4, 17, 2)).astype(np.float32)
    score = rng.uniform(0, 1, (2, 4, 17)).astype(np.float32)
    res = dict(
        imgs=frames,
        img_shape=(40, 40),
        keypoint=kp,
        keypoint_score=score,
        num_clips=2,
        clip_len=2,
        modality='RGB')
    out = BoxThreeCrop(crop_size=32).transform(copy.deepcopy(res))
    offsets = out['three_crop_offsets']
    assert offsets.tolist() == [[0, 0], [4, 4], [8, 8]]
    assert offsets.dtype.kind == 'i' and out['img_shape'] == (32, 32)
    assert len(out['imgs']) == 12
    assert out['keypoint'].shape == (2, 12, 17, 2)
    for k, (ox, oy) in enumerate(offsets):  # crop-major
        for t in range(4):
            np.testing.assert_array_equal(out['imgs'][k * 4 + t],
                                          frames[t][oy:oy + 32, ox:ox + 32])
        np.testing.assert_allclose(out['keypoint'][:, k * 4:k * 4 + 4],
                                   kp - [ox, oy])
        np.testing.assert_array_equal(
            out['keypoint_score'][:, k * 4:k * 4 + 4], score)
    # FormatShape: 3 crops x 2 clips views, view = crop * num_clips + clip.
    views = FormatShape('NCTHW').transform(out)['imgs']
    assert views.shape == (6, 3, 2, 32, 32)
    np.testing.assert_array_equal(views[2 * 2 + 1, :, 0],
                                  frames[2][8:40, 8:40].transpose(2, 0, 1))
    with pytest.raises(ValueError, match='smaller'):
        BoxThreeCrop(crop_size=48).transform(copy.deepcopy(res))


def test_test_view_centre_crop_equals_the_training_view():
    res = _results()
    train = PersonBoxCrop(out_size=(224, 224)).transform(copy.deepcopy(res))
    test = PersonBoxCrop(out_size=(256, 256), context_scale=256 / 224)
    test = BoxThreeCrop(224).transform(test.transform(copy.deepcopy(res)))
    centre = test['keypoint'][:, 4:8]  # crop 1 of (up_left, center, ...)
    # The same mapping, exactly (well within half a pixel).
    np.testing.assert_allclose(centre, train['keypoint'], atol=1e-3)
    diff = np.abs(
        np.stack(test['imgs'][4:8]).astype(int) - np.stack(train['imgs']))
    assert diff.mean() < 1.


def test_box_annotation_follows_resize():
    res = _results()
    res['box'] = np.array([20., 10., 40., 50.])  # decoded-frame pixels
    res['scale_factor'] = np.array([0.5, 0.5], np.float32)
    out = PersonBoxCrop(out_size=(16, 16)).transform(res)
    np.testing.assert_allclose(out['crop_box'], [5, 5, 25, 25])


def test_built_from_the_registry():
    crop = TRANSFORMS.build(
        dict(type='PersonBoxCrop', out_size=(32, 32), jitter=True, seed=3))
    three = TRANSFORMS.build(dict(type='BoxThreeCrop', crop_size=24))
    assert isinstance(crop, PersonBoxCrop)
    assert isinstance(three, BoxThreeCrop)
    out = three.transform(crop.transform(_results()))
    assert len(out['imgs']) == 12 and out['imgs'][0].shape == (24, 24, 3)
    assert 'jitter=True' in repr(crop) and 'seed=3' in repr(crop)
    assert repr(three) == ("BoxThreeCrop(crop_size=24, positions=("
                           "'up_left', 'center', 'down_right'))")
