# Copyright (c) mmaction-pose. All rights reserved.
"""OpenPose's intermediate supervision of the pose stream (Cao et al., CVPR
2017, Sec. 2.1): the targets of ``GenerateOpenPoseTargets`` (peak cell,
background, PAF support, masks, flip consistency), the loss of
``OpenPosePretrainer`` (zero at the targets, every stage supervised), a
few train steps, and one sample of the rendered-Penn dataset base."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from mmaction.datasets.transforms import Flip
from mmaction.structures import ActionDataSample
from mmengine.config import Config
from mmengine.dataset import pseudo_collate
from mmengine.optim import OptimWrapper

from conftest import write_rendered_penn
from mmaction_pose.datasets.transforms.functional import flip_paf
from mmaction_pose.datasets.transforms.openpose_targets import (
    GenerateOpenPoseTargets, openpose_targets)
from mmaction_pose.models.recognizers.openpose_pretrainer import (
    OPENPOSE_TARGET_KEYS, OpenPosePretrainer, heatmap_keypoints,
    stage_l2_loss)
from mmaction_pose.registry import DATASETS, MODELS
from mmaction_pose.structures import PENN13

ROOT = Path(__file__).resolve().parents[3]
CONFIG = (ROOT / 'configs' / 'pasnet' /
          'openpose_penn_action_rendered_pretrain.py')
V, L = PENN13.num_joints, PENN13.num_limbs


def _targets(kp, score=None, img_shape=(64, 64), **kwargs):
    kp = np.asarray(kp, np.float32)
    return openpose_targets(kp, score, PENN13.limbs, img_shape, **kwargs)


def _pose(rng, t=2, img_hw=(48, 64)):
    """One person, ``t`` frames, Penn-13 joints inside the image."""
    h, w = img_hw
    kp = rng.uniform([4, 4], [w - 4, h - 4], (1, t, V, 2))
    return kp.astype(np.float32), np.ones((1, t, V), np.float32)


def _tiny_model(**backbone) -> OpenPosePretrainer:
    cfg = dict(type='OpenPoseVGG19', num_stages=2, num_heatmaps=V + 1,
               num_pafs=2 * L, width_mult=0.125)
    model = OpenPosePretrainer(backbone=dict(cfg, **backbone))
    model.init_weights()
    return model


def _samples(targets, t: int, keypoint=None) -> list[ActionDataSample]:
    """Data samples of ``len(targets[0]) // t`` clips of ``t`` frames."""
    out = []
    for i in range(len(targets[0]) // t):
        ds = ActionDataSample()
        for key, value in zip(OPENPOSE_TARGET_KEYS, targets):
            ds.set_field(value[i * t:(i + 1) * t], key)
        if keypoint is not None:
            ds.set_field(keypoint[i * t:(i + 1) * t], 'pose_keypoint')
            ds.set_field(np.ones(keypoint.shape[1:2], np.float32)[None]
                         .repeat(t, 0), 'pose_mask')
        out.append(ds)
    return out


# ---- targets ----------------------------------------------------------------
def test_heatmap_peak_is_in_the_joints_cell_and_background_is_1_minus_max():
    kp = np.full((1, 1, V, 2), 30., np.float32)
    kp[0, 0, 0] = (20, 44)  # centre of cell (row 5, col 2): exp(0) = 1
    kp[0, 0, 1] = (27, 9)  # in cell (row 1, col 3), off its centre
    heat, paf, heat_mask, paf_mask = _targets(kp)
    assert heat.shape == (1, V + 1, 8, 8) and paf.shape == (1, 2 * L, 8, 8)
    assert heat[0, 0, 5, 2] == pytest.approx(1.0)
    assert np.unravel_index(heat[0, 0].argmax(), (8, 8)) == (5, 2)
    assert np.unravel_index(heat[0, 1].argmax(), (8, 8)) == (1, 3)
    d2 = (28 - 27)**2 + (12 - 9)**2
    assert heat[0, 1, 1, 3] == pytest.approx(np.exp(-d2 / 2 / 7.**2))
    np.testing.assert_allclose(heat[0, V], 1 - heat[0, :V].max(0))
    assert heat.min() >= 0 and heat.max() <= 1
    # OpenPose's cut-off: values below 0.01 are 0
    assert heat[0, 0][heat[0, 0] > 0].min() >= 0.01
    assert heat_mask.all() and paf_mask.all()


def test_grid_is_ceil_of_the_stride():
    heat, paf, _, _ = _targets(np.full((1, 1, V, 2), 5.), img_shape=(50, 70))
    assert heat.shape[-2:] == paf.shape[-2:] == (7, 9)


def test_paf_of_a_horizontal_limb_is_unit_x_on_the_limb_and_0_off_it():
    kp = np.array([[[(12, 28), (52, 28)]]], np.float32)  # grid x 1..6, y 3
    _, paf, _, paf_mask = openpose_targets(kp, None, [(0, 1)], (64, 64),
                                           limb_width=8.)
    assert paf.shape == (1, 2, 8, 8)
    on = np.zeros((8, 8), bool)
    on[2:5, 1:7] = True  # within 1 cell (8 px) of the segment
    np.testing.assert_array_equal(paf[0, 0], on.astype(np.float32))
    np.testing.assert_array_equal(paf[0, 1], 0)
    assert paf_mask.all()


def test_unlabelled_joints_are_masked_or_left_empty():
    kp, score = _pose(np.random.default_rng(0), t=2)
    kp[0, 1, 5] = 0  # left wrist missing in frame 1 (mmaction2 convention)
    score[0, 1, 5] = 0
    heat, paf, heat_mask, paf_mask = _targets(kp, score, (48, 64))
    np.testing.assert_array_equal(heat[1, 5], 0)
    assert heat_mask[0].all() and paf_mask[0].all()
    masked = {5, V}  # the joint and the background
    assert {int(c) for c in np.flatnonzero(heat_mask[1] == 0)} == masked
    limbs = [i for i, (a, b) in enumerate(PENN13.limbs) if 5 in (a, b)]
    assert limbs == [3]  # (left_elbow, left_wrist)
    assert set(np.flatnonzero(paf_mask[1] == 0)) == {6, 7}
    np.testing.assert_array_equal(paf[1, 6:8], 0)
    _, _, heat_mask, paf_mask = _targets(kp, score, (48, 64),
                                         mask_unlabelled=False)
    assert heat_mask.all() and paf_mask.all()


def test_flip_then_generate_equals_generate_then_mirror():
    """mmaction2's Flip (x -> W - x, left/right swapped) before the targets
    = the targets mirrored with swapped channels and negated PAF x."""
    rng = np.random.default_rng(1)
    kp, score = _pose(rng, t=3, img_hw=(48, 64))
    kp[0, 2, 11] = 0  # a missing ankle
    score[0, 2, 11] = 0
    gen = GenerateOpenPoseTargets(layout='penn13', stride=8, sigma=7.,
                                  limb_width=8.)

    def results(k, s):
        return dict(imgs=list(np.zeros((3, 48, 64, 3), np.uint8)),
                    keypoint=k.copy(), keypoint_score=s.copy(),
                    img_shape=(48, 64), modality='RGB')

    flip = Flip(flip_ratio=1., left_kp=PENN13.left_kp,
                right_kp=PENN13.right_kp)
    flipped = gen(flip(results(kp, score)))
    plain = gen(results(kp, score))
    chan = list(PENN13.flip_index) + [V]  # background stays last
    np.testing.assert_allclose(flipped['openpose_heatmap'],
                               plain['openpose_heatmap'][:, chan, :, ::-1],
                               atol=1e-6)
    np.testing.assert_allclose(
        flipped['openpose_paf'],
        flip_paf(plain['openpose_paf'], PENN13.limbs, PENN13.flip_index),
        atol=1e-6)
    np.testing.assert_array_equal(flipped['openpose_heatmap_mask'],
                                  plain['openpose_heatmap_mask'][:, chan])
    limb_chan = np.stack([2 * np.asarray(PENN13.limb_flip_index),
                          2 * np.asarray(PENN13.limb_flip_index) + 1],
                         1).ravel()
    np.testing.assert_array_equal(flipped['openpose_paf_mask'],
                                  plain['openpose_paf_mask'][:, limb_chan])
    # the field really moved: a non-trivial check
    assert np.abs(flipped['openpose_paf'] - plain['openpose_paf']).max() > .5


# ---- loss -------------------------------------------------------------------
def test_loss_is_zero_at_the_targets_and_positive_elsewhere():
    kp, score = _pose(np.random.default_rng(2), t=2)
    score[0, 0, 3] = 0
    targets = [torch.from_numpy(x) for x in _targets(kp, score, (48, 64))]
    heat, paf, heat_mask, paf_mask = targets
    model = _tiny_model()
    samples = _samples(targets, t=2)
    feats = dict(heatmaps=heat, stage_heatmaps=[heat, heat],
                 stage_pafs=[paf, paf])
    losses = model.loss_by_maps(feats, samples)
    assert losses['loss_heatmap'].item() == 0
    assert losses['loss_paf'].item() == 0
    # a change of a masked channel costs nothing, of another one something
    noisy = heat.clone()
    noisy[0, 3] += 1
    assert stage_l2_loss([noisy], heat, heat_mask).item() == 0
    noisy[1, 3] += 1
    assert stage_l2_loss([noisy], heat, heat_mask).item() == \
        pytest.approx(8 * 6 / 2 / 2)  # 48 cells of 1 / (2 N), N = 2
    losses = model.loss_by_maps(
        dict(heatmaps=heat, stage_heatmaps=[heat, heat + .1],
             stage_pafs=[paf - .1, paf]), samples)
    assert losses['loss_heatmap'].item() > 0
    assert losses['loss_paf'].item() > 0


def test_every_stage_is_supervised():
    """d loss / d S^1 = the direct term (S^1 - S*) W / N + what flows back
    through stage 2: stage 1's own L2 term is in the loss."""
    model = _tiny_model()
    kp, score = _pose(np.random.default_rng(3), t=2, img_hw=(32, 32))
    targets = [torch.from_numpy(x) for x in _targets(kp, score, (32, 32))]
    samples = _samples(targets, t=2)
    x = torch.rand(1, 2, 3, 32, 32) * 255
    feats = model(x, mode='tensor')
    assert len(feats['stage_heatmaps']) == len(feats['stage_pafs']) == 2
    assert feats['stage_heatmaps'][-1] is feats['heatmaps']
    s1 = feats['stage_heatmaps'][0]
    losses = model.loss_by_maps(feats, samples)
    last = stage_l2_loss(feats['stage_heatmaps'][1:], targets[0], targets[2])
    g_all, = torch.autograd.grad(losses['loss_heatmap'], s1,
                                 retain_graph=True)
    g_last, = torch.autograd.grad(last, s1, retain_graph=True)
    direct = (s1 - targets[0]) * targets[2][:, :, None, None] / 2
    torch.testing.assert_close(g_all - g_last, direct.detach())
    (losses['loss_heatmap'] + losses['loss_paf']).backward()
    for branch in ('model1_1', 'model1_2', 'model0'):
        grads = [p.grad for p in getattr(model.backbone, branch).parameters()]
        assert all(g is not None for g in grads)
        assert sum(g.abs().sum() for g in grads) > 0


def test_a_few_train_steps_reduce_the_loss_on_a_fixed_batch():
    model = _tiny_model()
    kp, score = _pose(np.random.default_rng(4), t=2, img_hw=(32, 32))
    targets = _targets(kp, score, (32, 32))
    frames = torch.randint(0, 256, (2, 3, 32, 32), dtype=torch.uint8)
    data = dict(inputs=[frames],
                data_samples=_samples(targets, t=2, keypoint=kp[0]))
    wrapper = OptimWrapper(torch.optim.Adam(model.parameters(), lr=1e-3))
    model.train()
    logs = [model.train_step(data, wrapper) for _ in range(6)]
    assert set(logs[0]) == {'loss', 'loss_heatmap', 'loss_paf', 'kps_err'}
    assert all(torch.isfinite(log['loss']) for log in logs)
    assert logs[-1]['loss'] < logs[0]['loss']


# ---- prediction -------------------------------------------------------------
def test_heatmap_keypoints_are_cell_centres_moved_towards_neighbours():
    maps = torch.zeros(1, 2, 6, 8)
    maps[0, 0, 2, 3] = 1.  # isolated peak: the cell centre
    maps[0, 1, 4, 5] = 1.
    maps[0, 1, 4, 6] = .5  # right neighbour higher than left
    maps[0, 1, 3, 5] = .5  # upper neighbour higher than lower
    kps, score = heatmap_keypoints(maps, stride=8)
    torch.testing.assert_close(kps[0, 0], torch.tensor([28., 20.]))
    torch.testing.assert_close(kps[0, 1], torch.tensor([46., 34.]))
    torch.testing.assert_close(score, torch.ones(1, 2))
    kps, _ = heatmap_keypoints(maps, stride=8, refine=False)
    torch.testing.assert_close(kps[0, 1], torch.tensor([44., 36.]))


def test_predict_sets_keypoints_of_every_frame():
    model = _tiny_model().eval()
    samples = [ActionDataSample(), ActionDataSample()]
    with torch.no_grad():
        out = model(torch.rand(2, 3, 3, 32, 32) * 255, samples,
                    mode='predict')
    assert out[1].pred_keypoint.shape == (3, V, 2)
    assert out[1].pred_keypoint_score.shape == (3, V)
    assert (out[1].pred_keypoint >= 0).all()
    assert (out[1].pred_keypoint <= 32).all()


# ---- dataset base -----------------------------------------------------------
@pytest.fixture(scope='module')
def rendered(tmp_path_factory):
    """2 Penn-13 clips (1 train, 1 test) of 8 frames rendered at 112 px
    (the tool's smallest size)."""
    return write_rendered_penn(tmp_path_factory.mktemp('penn_openpose'),
                               num_clips=2, frames=8, size=112)


@pytest.mark.parametrize('split', ['train', 'test'])
def test_dataset_base_one_sample(rendered, split):
    cfg = Config.fromfile(str(CONFIG))
    ds_cfg = cfg[f'{split}_dataloader'].dataset
    ds_cfg.ann_file = str(rendered / 'annotations.pkl')
    ds_cfg.data_prefix = dict(video=str(rendered))
    sample = DATASETS.build(ds_cfg)[0]
    assert sample['inputs'].shape == (4, 3, 96, 96)
    ds = sample['data_samples']
    assert ds.pose_keypoint.shape == (4, V, 2)
    assert ds.pose_mask.shape == (4, V)
    if split == 'test':
        assert 'openpose_heatmap' not in ds
        return
    assert ds.openpose_heatmap.shape == (4, V + 1, 12, 12)
    assert ds.openpose_paf.shape == (4, 2 * L, 12, 12)
    assert ds.openpose_heatmap_mask.shape == (4, V + 1)
    assert ds.openpose_paf_mask.shape == (4, 2 * L)
    # the targets' peaks sit on the packed joints (within a cell)
    kps, _ = heatmap_keypoints(
        torch.as_tensor(ds.openpose_heatmap[:, :V]), 8)
    inside = ((ds.pose_keypoint >= 0) & (ds.pose_keypoint <= 96)).all(-1)
    vis = (ds.pose_mask > 0) & inside
    dist = np.linalg.norm(kps.numpy() - ds.pose_keypoint, axis=-1)
    assert vis.any() and (dist[vis] < 6).all()
    # one training step of a tiny model on the collated sample
    cfg.model.backbone.update(width_mult=0.125, num_stages=2)
    model = MODELS.build(cfg.model)
    model.init_weights()
    wrapper = OptimWrapper(torch.optim.Adam(model.parameters(), lr=1e-3))
    log = model.train_step(pseudo_collate([sample]), wrapper)
    assert torch.isfinite(log['loss'])
