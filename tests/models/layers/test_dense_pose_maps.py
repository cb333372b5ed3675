# Copyright (c) mmaction-pose. All rights reserved.
"""The dense (ONNX-exportable) pose maps equal the dataloader renderers."""
from __future__ import annotations

import numpy as np
import pytest
import torch

from mmaction_pose.datasets.transforms.functional import (heatmap_flip_index,
                                                          render_pose_heatmaps)
from mmaction_pose.datasets.transforms.functional.paf import (
    flip_paf, paf_flip_params, render_paf)
from mmaction_pose.models.layers.dense_pose_maps import (
    flip_fields, flip_maps, keypoint_heatmaps, limb_heatmaps,
    part_affinity_fields)
from mmaction_pose.structures.skeleton_layouts import COCO17, PENN13


def random_pose(rng: np.random.Generator, m: int, t: int, v: int, h: int,
                w: int) -> tuple[np.ndarray, np.ndarray]:
    """Joints partly outside the canvas, on integer and half pixels, some
    limbs shorter than a pixel, some scores 0 or below eps."""
    kp = np.stack([rng.uniform(-4, w + 4, (m, t, v)),
                   rng.uniform(-4, h + 4, (m, t, v))], -1)
    kp[:, :, 1] = np.round(kp[:, :, 1])
    kp[:, :, 2] = np.round(kp[:, :, 2] * 2) / 2
    same = rng.uniform(size=kp.shape[:3]) < 0.15
    kp[same] = np.repeat(kp[:, :, :1], v, 2)[same] + 0.3
    score = rng.uniform(0, 1, (m, t, v)) * (rng.uniform(size=(m, t, v)) >
                                            0.2)
    score[0, 0, :3] = (5e-5, 1e-4, 2e-4)  # around EPS
    return kp.astype(np.float32), score.astype(np.float32)


@pytest.mark.parametrize('layout, m, h, w', [(COCO17, 2, 20, 24),
                                             (PENN13, 1, 16, 12),
                                             (PENN13, 3, 9, 9)])
def test_heatmaps_equal_generate_pose_target(layout, m, h, w) -> None:
    rng = np.random.default_rng(h * w + m)
    t, v = 5, layout.num_joints
    kp, score = random_pose(rng, m, t, v, h, w)
    limbs = layout.limbs
    flip = heatmap_flip_index(v, len(limbs), True, True, layout.left_kp,
                              layout.right_kp, layout.left_limb,
                              layout.right_limb)
    ref = render_pose_heatmaps(kp, score, (h, w), 0.6, True, True, limbs,
                               flip_index=flip)  # (2T, C, H, W)
    ref = ref.transpose(1, 0, 2, 3)  # (C, 2T, H, W)
    kp_t, score_t = torch.from_numpy(kp)[None], torch.from_numpy(score)[None]
    maps = torch.cat([keypoint_heatmaps(kp_t, score_t, h, w, 0.6),
                      limb_heatmaps(kp_t, score_t, limbs, h, w, 0.6)], 1)
    both = torch.cat([maps, flip_maps(maps, flip)], 2)[0].numpy()
    np.testing.assert_allclose(both, ref, rtol=0, atol=1e-6)
    assert ref.max() > 0.5  # something was drawn


def test_heatmaps_batch_and_missing_persons() -> None:
    """Samples of a batch are independent; score-0 persons draw nothing."""
    rng = np.random.default_rng(0)
    kp, score = random_pose(rng, 2, 4, 17, 12, 12)
    kp_t = torch.from_numpy(np.stack([kp, kp[::-1]]))
    score_t = torch.from_numpy(np.stack([score, score * 0]))
    maps = keypoint_heatmaps(kp_t, score_t, 12, 12)
    ref = render_pose_heatmaps(kp, score, (12, 12)).transpose(1, 0, 2, 3)
    np.testing.assert_allclose(maps[0].numpy(), ref, atol=1e-6)
    assert maps[1].abs().max() == 0
    nan = kp_t.clone()
    nan[0, 0, 0, 0] = float('nan')
    assert torch.isfinite(keypoint_heatmaps(nan, score_t, 12, 12)).all()


@pytest.mark.parametrize('use_score', [False, True])
def test_paf_equals_render_paf(use_score: bool) -> None:
    rng = np.random.default_rng(3)
    kp, score = random_pose(rng, 2, 4, 13, 14, 18)
    # Off the integer grid: a pixel exactly on the support boundary may fall
    # either side with another float rounding order (numpy vs torch).
    kp = kp + np.float32(0.0137)
    limbs = PENN13.limbs
    ref = render_paf(kp, score, limbs, (14, 18), 1.5, use_score)
    ref_flip = flip_paf(ref, limbs, PENN13.flip_index)
    fields = part_affinity_fields(torch.from_numpy(kp)[None],
                                  torch.from_numpy(score)[None], limbs, 14,
                                  18, 1.5, use_score)
    src, sign = paf_flip_params(limbs, PENN13.flip_index)
    got = fields[0].numpy().transpose(1, 0, 2, 3)
    got_flip = flip_fields(fields, src, sign)[0].numpy().transpose(1, 0, 2, 3)
    np.testing.assert_allclose(got, ref, atol=1e-6)
    np.testing.assert_allclose(got_flip, ref_flip, atol=1e-6)
    assert np.abs(ref).max() > 0.5
