# Copyright (c) mmaction-pose. All rights reserved.
"""The batched torch renderer equals the numpy GeneratePoseTarget core."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from mmaction_pose.datasets.transforms.functional import (heatmap_flip_index,
                                                          render_pose_heatmaps)
from mmaction_pose.models.layers import render_heatmap_volumes
from mmaction_pose.structures.skeleton_layouts import COCO17

LIMBS = COCO17.limbs
FLIP = heatmap_flip_index(17, len(LIMBS), True, True, COCO17.left_kp,
                          COCO17.right_kp, COCO17.left_limb,
                          COCO17.right_limb)


def random_batch(rng: np.random.Generator, n: int = 3, t: int = 4,
                 canvases=((20, 24), (20, 24), (16, 12))) -> tuple:
    """``n`` samples with 0..2 persons, some joints outside or on joint 0,
    some scores 0."""
    kps, scores = [], []
    for i in range(n):
        m = int(rng.integers(0, 3)) if i else 2
        h, w = canvases[i % len(canvases)]
        kp = np.stack([rng.uniform(-4, w + 4, (m, t, 17)),
                       rng.uniform(-4, h + 4, (m, t, 17))], -1)
        same = rng.uniform(size=kp.shape[:3]) < 0.15  # limbs with |ab| < 1
        kp[same] = np.repeat(kp[:, :, :1], 17, 2)[same]
        score = rng.uniform(0, 1, (m, t, 17)) * (rng.uniform(
            size=(m, t, 17)) > 0.2)
        kps.append(kp.astype(np.float32))
        scores.append(score.astype(np.float32))
    return kps, scores, [canvases[i % len(canvases)] for i in range(n)]


def reference(kps, scores, canvases, num_clips, **kwargs) -> np.ndarray:
    """Per sample numpy maps, formatted like FormatShape + stack_batch."""
    big_h, big_w = np.max(canvases, 0)
    out = []
    for kp, score, canvas in zip(kps, scores, canvases):
        maps = render_pose_heatmaps(kp, score, canvas, **kwargs)
        maps = maps.reshape((-1, num_clips, maps.shape[0] // (
            num_clips * (2 if kwargs.get('flip_index') else 1))) +
                            maps.shape[1:])
        maps = maps.transpose(0, 1, 3, 2, 4, 5).reshape((-1, ) +
                                                        maps.shape[3:4] +
                                                        maps.shape[2:3] +
                                                        maps.shape[4:])
        pad = np.zeros(maps.shape[:3] + (big_h, big_w), np.float32)
        pad[..., :canvas[0], :canvas[1]] = maps
        out.append(pad)
    return np.stack(out)


def _pad(arrays: list, m: int) -> torch.Tensor:
    out = np.zeros((len(arrays), m) + arrays[0].shape[1:], np.float32)
    for i, a in enumerate(arrays):
        out[i, :len(a)] = a
    return torch.from_numpy(out)


@pytest.mark.parametrize('kwargs, num_clips', [
    (dict(), 1),
    (dict(with_kp=False, with_limb=True, skeletons=LIMBS), 2),
    (dict(with_limb=True, skeletons=LIMBS, flip_index=FLIP), 2),
    (dict(sigma=1.1, flip_index=COCO17.flip_index), 1),
])
def test_batched_renderer_matches_numpy(kwargs, num_clips, rng):
    kps, scores, canvases = random_batch(rng)
    ref = reference(kps, scores, canvases, num_clips, **kwargs)
    out = render_heatmap_volumes(_pad(kps, 2), _pad(scores, 2), canvases,
                                 num_clips=num_clips, **kwargs)
    assert out.shape == ref.shape
    np.testing.assert_allclose(out.numpy(), ref, atol=1e-5)


def test_no_persons_give_zero_volumes():
    out = render_heatmap_volumes(
        torch.zeros(2, 0, 4, 17, 2), torch.zeros(2, 0, 4, 17),
        [(8, 8)] * 2, flip_index=COCO17.flip_index, num_clips=2)
    assert out.shape == (2, 4, 17, 2, 8, 8) and not out.any()


def test_flip_index_must_be_a_permutation():
    with pytest.raises(ValueError, match='permutation'):
        render_heatmap_volumes(torch.ones(1, 1, 2, 17, 2),
                               torch.ones(1, 1, 2, 17), [(8, 8)],
                               flip_index=[0] * 17)


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason='needs CUDA')
def test_cuda_rendering_matches_cpu(rng):
    kps, scores, canvases = random_batch(rng, t=6)
    kwargs = dict(with_limb=True, skeletons=LIMBS, flip_index=FLIP,
                  num_clips=3)
    cpu = render_heatmap_volumes(_pad(kps, 2), _pad(scores, 2), canvases,
                                 **kwargs)
    gpu = render_heatmap_volumes(
        _pad(kps, 2).cuda(), _pad(scores, 2).cuda(), canvases, **kwargs)
    assert gpu.is_cuda
    np.testing.assert_allclose(gpu.cpu().numpy(), cpu.numpy(), atol=1e-5)
