# Copyright (c) mmaction-pose. All rights reserved.
"""RPAN's attention targets (Sec. 4.1): Gaussian std sigma at every joint,
resized to the attention grid, normalized; consistent with sampling, flips
and resizes."""
import numpy as np
import pytest
from mmaction.datasets.transforms import Flip, PoseDecode, Resize

from mmaction_pose.datasets.transforms import GenerateRPANPoseTarget
from mmaction_pose.datasets.transforms.functional import attention_targets
from mmaction_pose.structures.skeleton_layouts import JHMDB15, PENN13


def brute_force(xy, sigma, hw, grid):
    """The paper's recipe literally: a full-resolution Gaussian (pixel
    centres at i + 0.5, supersampled), area-resized, normalized."""
    ss = 4
    h, w = hw
    ys = (np.arange(h * ss) + 0.5) / ss
    xs = (np.arange(w * ss) + 0.5) / ss
    g = np.exp(-((xs[None] - xy[0])**2 + (ys[:, None] - xy[1])**2) /
               (2 * sigma**2))
    cells = g.reshape(grid[0], h * ss // grid[0], grid[1],
                      w * ss // grid[1]).sum((1, 3))
    return cells / cells.sum()


def test_matches_the_area_resized_gaussian():
    xy = np.array([[[100.3, 70.8], [5., 230.]]])  # (T=1, J=2, 2)
    maps, mask = attention_targets(xy, np.ones((1, 2), bool), (240, 320),
                                   (8, 10), sigma=5.)
    assert maps.shape == (1, 2, 8, 10) and mask.tolist() == [[1., 1.]]
    for j in range(2):
        np.testing.assert_allclose(
            maps[0, j], brute_force(xy[0, j], 5., (240, 320), (8, 10)),
            atol=2e-4)
    np.testing.assert_allclose(maps.sum((-2, -1)), 1., atol=1e-6)
    # The peak is the joint's cell: x 100.3 -> col 3, y 70.8 -> row 2.
    assert np.unravel_index(maps[0, 0].argmax(), (8, 10)) == (2, 3)


def test_invisible_and_far_away_joints_are_masked():
    xy = np.array([[[10., 10.], [10., 10.], [-500., 10.]]])
    vis = np.array([[True, False, True]])
    maps, mask = attention_targets(xy, vis, (64, 64), (4, 4), sigma=2.)
    assert mask.tolist() == [[1., 0., 0.]]
    assert maps[0, 1:].sum() == 0


def results(num_joints, t=6, hw=(96, 128), seed=0):
    rng = np.random.default_rng(seed)
    kps = rng.uniform([0, 0], [hw[1], hw[0]], (1, t, num_joints, 2))
    score = np.ones((1, t, num_joints), np.float32)
    score[0, 2, 0] = 0
    return dict(keypoint=kps.astype(np.float32), keypoint_score=score,
                img_shape=hw, total_frames=t, start_index=0,
                modality='RGB')


@pytest.mark.parametrize('layout', [PENN13, JHMDB15])
def test_flip_swaps_and_mirrors_the_targets(layout):
    r = results(layout.num_joints, t=4)
    r['frame_inds'] = np.arange(4)
    r = PoseDecode()(r)
    gen = GenerateRPANPoseTarget(sigma=3., stride=16)
    plain = gen(dict(r, keypoint=r['keypoint'].copy()))
    flipped = Flip(flip_ratio=1., left_kp=layout.left_kp,
                   right_kp=layout.right_kp)(
                       dict(r, keypoint=r['keypoint'].copy(),
                            imgs=[np.zeros((96, 128, 3), np.uint8)] * 4))
    flipped = gen(flipped)
    assert plain['pose_target'].shape == (4, layout.num_joints, 6, 8)
    swap = list(layout.flip_index)
    np.testing.assert_allclose(flipped['pose_target'],
                               plain['pose_target'][:, swap, :, ::-1],
                               atol=1e-6)
    np.testing.assert_array_equal(flipped['pose_mask'],
                                  plain['pose_mask'][:, swap])


def test_follows_the_resize():
    r = results(13, t=3, hw=(96, 128))
    r['frame_inds'] = np.arange(3)
    r = PoseDecode()(r)
    r['imgs'] = [np.zeros((96, 128, 3), np.uint8)] * 3
    small = GenerateRPANPoseTarget(sigma=2., stride=8)(
        Resize(scale=(64, 48), keep_ratio=False)(dict(
            r, keypoint=r['keypoint'].copy())))
    big = GenerateRPANPoseTarget(sigma=4., stride=16)(
        dict(r, keypoint=r['keypoint'].copy()))
    # Halving the frame, sigma and stride keeps the same grid and maps.
    np.testing.assert_allclose(small['pose_target'], big['pose_target'],
                               atol=1e-5)
    np.testing.assert_allclose(small['pose_keypoint'] * 2,
                               big['pose_keypoint'], atol=1e-4)


def test_sampling_anchor_frames_and_masks():
    r = results(13, t=10)
    r['frame_inds'] = np.array([0, 1, 2, 5, 6, 7])  # 2 stacks of 3 frames
    r = PoseDecode()(r)
    first = GenerateRPANPoseTarget(stride=32, clip_len=3)(dict(r))
    center = GenerateRPANPoseTarget(stride=32, clip_len=3,
                                    anchor='center')(dict(r))
    assert first['pose_target'].shape == (2, 13, 3, 4)
    np.testing.assert_array_equal(first['pose_keypoint'],
                                  r['keypoint'][0, [0, 3]])
    np.testing.assert_array_equal(center['pose_keypoint'],
                                  r['keypoint'][0, [1, 4]])
    # frame 2 of the video (score 0 on joint 0) is stack 0's last frame.
    assert center['pose_mask'][0, 0] == 1
    r2 = results(13, t=10)
    r2['frame_inds'] = np.array([2, 3])
    masked = GenerateRPANPoseTarget(stride=32)(PoseDecode()(r2))
    assert masked['pose_mask'][0, 0] == 0 and masked['pose_mask'].sum() == 25
    with pytest.raises(ValueError, match='multiple of clip_len'):
        GenerateRPANPoseTarget(clip_len=4)(dict(r))
    assert 'sigma=5.0' in repr(GenerateRPANPoseTarget())
