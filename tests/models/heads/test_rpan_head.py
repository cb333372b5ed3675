# Copyright (c) mmaction-pose. All rights reserved.
"""RPAN's pose attention, LSTM head and losses (Du et al., ICCV 2017)."""
import pytest
import torch
from mmaction.structures import ActionDataSample

from mmaction_pose.models.heads.rpan_head import RPANHead, attention_argmax
from mmaction_pose.models.layers.pose_attention import PoseAttention
from mmaction_pose.models.losses import attention_pose_loss
from mmaction_pose.structures.skeleton_layouts import JHMDB15, PENN13

PENN_PARTS = PENN13.part_index


def n_params(module):
    return sum(p.numel() for p in module.parameters())


def test_layout_parts_match_the_paper():
    # Fig. 3 / the spec: Torso = head, shoulders, hips; the L/R pairs.
    assert PENN13.part_names == ['torso', 'elbow', 'wrist', 'knee', 'ankle']
    assert PENN_PARTS == [[0, 1, 2, 7, 8], [3, 4], [5, 6], [9, 10], [11, 12]]
    assert JHMDB15.part_index == [[0, 1, 2, 3, 4, 5, 6], [7, 8], [11, 12],
                                  [9, 10], [13, 14]]


def test_human_part_parameter_count_is_the_papers():
    # Sub-JHMDB, Sec. 4.1: A_c 32x1024, A_h 32x512, b 32 per part (5 parts),
    # v^J 1x32 per joint (15): 163,840 + 81,920 + 160 + 480.
    att = PoseAttention(1024, 512, 32, JHMDB15.part_index)
    assert att.proj_c.weight.numel() == 163840
    assert att.proj_h.weight.numel() == 81920
    assert att.proj_c.bias.numel() == 160 and att.v.numel() == 480
    assert n_params(att) == 163840 + 81920 + 160 + 480


@pytest.mark.parametrize('mode,groups,maps', [
    ('human_part', 5, 13), ('separate_joint', 13, 13), ('share_all', 1, 1)])
def test_sharing_per_ablation(mode, groups, maps):
    d, h, a = 16, 8, 4
    att = PoseAttention(d, h, a, PENN_PARTS, mode=mode)
    assert n_params(att) == groups * a * (d + 1 + h) + maps * a
    assert n_params(PoseAttention(d, h, a, PENN_PARTS, mode='none')) == 0


@pytest.mark.parametrize('mode', ['human_part', 'separate_joint',
                                  'share_all'])
def test_attention_is_a_softmax_over_locations(mode):
    torch.manual_seed(0)
    att = PoseAttention(16, 8, 4, PENN_PARTS, mode=mode)
    cube = torch.randn(2, 1, 12, 16)
    s, alpha = att(cube[:, 0], att.project_cube(cube)[:, 0],
                   torch.randn(2, 8))
    assert alpha.shape == (2, 13 if mode != 'share_all' else 1, 12)
    assert torch.allclose(alpha.sum(-1), torch.ones(alpha.shape[:2]))
    assert (alpha > 0).all()
    # Eq. 4 literal: F^P = sum over the part's joints of sum_k a C.
    if mode == 'human_part':
        feats = alpha @ cube[:, 0]
        torso = feats[:, PENN_PARTS[0]].sum(1)
        assert torch.allclose(s[:, :16], torso, atol=1e-6)


def test_attention_follows_the_hidden_state_and_eq2():
    torch.manual_seed(0)
    att = PoseAttention(6, 5, 3, PENN_PARTS)
    cube, h = torch.randn(1, 1, 4, 6), torch.randn(1, 5)
    _, alpha = att(cube[:, 0], att.project_cube(cube)[:, 0], h)
    # Eq. 2 by hand for joint 3 (left elbow, part 1).
    p, j = 1, 3
    wc = att.proj_c.weight.view(5, 3, 6)[p]
    bc = att.proj_c.bias.view(5, 3)[p]
    wh = att.proj_h.weight.view(5, 3, 5)[p]
    e = torch.tanh(cube[0, 0] @ wc.T + bc + h[0] @ wh.T) @ att.v[j]
    assert torch.allclose(alpha[0, j], e.softmax(0), atol=1e-6)
    _, alpha2 = att(cube[:, 0], att.project_cube(cube)[:, 0], -h)
    assert not torch.allclose(alpha, alpha2)


@pytest.mark.parametrize('pool,dim', [('concat', 5 * 16), ('max', 16),
                                      ('mean', 16)])
def test_part_pooling_sizes(pool, dim):
    att = PoseAttention(16, 8, 4, PENN_PARTS, pool=pool)
    assert att.out_channels == dim
    cube = torch.randn(3, 1, 6, 16)
    s, _ = att(cube[:, 0], att.project_cube(cube)[:, 0], torch.zeros(3, 8))
    assert s.shape == (3, dim)


def test_bad_arguments_are_clear():
    with pytest.raises(ValueError, match='attention must be one of'):
        PoseAttention(4, 4, 2, PENN_PARTS, mode='joint')
    with pytest.raises(ValueError, match='part_pool'):
        PoseAttention(4, 4, 2, PENN_PARTS, pool='sum')
    with pytest.raises(ValueError, match='cover joints'):
        PoseAttention(4, 4, 2, [[0, 1], [1, 2]])


def head(**kw):
    cfg = dict(num_classes=4, in_channels=16, parts=PENN_PARTS, hidden_dim=8,
               att_dim=4, num_steps=3)
    cfg.update(kw)
    h = RPANHead(**cfg)
    h.init_weights()
    return h


def samples(b=2, t=3, grid=(2, 3), seed=0):
    g = torch.Generator().manual_seed(seed)
    out = []
    for i in range(b):
        ds = ActionDataSample().set_gt_label(i % 4)
        target = torch.rand(t, 13, *grid, generator=g)
        ds.set_field(target / target.sum((-2, -1), keepdim=True),
                     'pose_target')
        mask = torch.ones(t, 13)
        mask[0, 5] = 0
        ds.set_field(mask, 'pose_mask')
        ds.set_metainfo(dict(img_shape=(64, 96)))
        out.append(ds)
    return out


def test_lstm_steps_shapes():
    logits, alpha = head()(torch.randn(2 * 3, 16, 2, 3), num_segs=3)
    assert logits.shape == (2, 3, 4) and alpha.shape == (2, 3, 13, 2, 3)
    logits, alpha = head(attention='none')(torch.randn(6, 16, 2, 3))
    assert logits.shape == (2, 3, 4) and alpha is None


def test_loss_terms():
    torch.manual_seed(0)
    h = head(loss_pose=dict(type='RPANPoseLoss', loss_weight=2.))
    x, ds = torch.randn(6, 16, 2, 3), samples()
    losses = h.loss(x, ds, num_segs=3)
    logits, alpha = h(x, num_segs=3)
    labels = torch.tensor([0, 1])
    ce = sum(torch.nn.functional.cross_entropy(logits[:, t], labels)
             for t in range(3))
    assert torch.allclose(losses['loss_cls'], ce, atol=1e-6)
    target = torch.stack([d.pose_target for d in ds]).flatten(3)
    mask = torch.stack([d.pose_mask for d in ds])
    manual = (((target - alpha.flatten(3))**2).sum(-1) * mask).sum((1, 2))
    assert torch.allclose(losses['loss_pose'], 2 * manual.mean(), atol=1e-6)
    assert torch.allclose(losses['attention_err'], manual.mean(), atol=1e-6)
    # The masked joint does not count.
    assert not torch.allclose(
        attention_pose_loss(alpha.flatten(3), target), manual.mean())
    # Without per-joint maps there is nothing to supervise.
    assert set(head(attention='share_all').loss(x, ds, num_segs=3)) == {
        'loss_cls', 'top1_acc'}
    assert 'loss_pose' not in head(loss_pose=None).loss(x, ds, num_segs=3)


def test_missing_targets_and_grid_mismatch_are_clear():
    h, x = head(), torch.randn(6, 16, 2, 3)
    with pytest.raises(KeyError, match='GenerateRPANPoseTarget'):
        h.loss(x, [ActionDataSample().set_gt_label(0)] * 2, num_segs=3)
    with pytest.raises(ValueError, match='stride'):
        h.loss(x, samples(grid=(4, 6)), num_segs=3)


def test_predict_last_step_views_and_pose():
    torch.manual_seed(0)
    h = head().eval()
    x = torch.randn(2 * 2 * 3, 16, 2, 3)  # 2 samples x 2 views x 3 steps
    ds = [ActionDataSample(metainfo=dict(img_shape=(64, 96)))
          for _ in range(2)]
    out = h.predict(x, ds, num_segs=6)
    logits, alpha = h(x, num_segs=6)
    want = logits[:, -1].softmax(-1).view(2, 2, 4).mean(1)
    assert torch.allclose(out[0].pred_score, want[0], atol=1e-6)
    assert out[1].pred_attention.shape == (3, 13, 2, 3)
    assert torch.equal(out[1].pred_attention, alpha[2])
    assert out[0].pred_keypoint.shape == (3, 13, 2)
    mean = head(predict_step='mean').eval()
    mean.load_state_dict(h.state_dict())
    out = mean.predict(x, ds, num_segs=6)
    want = logits.mean(1).softmax(-1).view(2, 2, 4).mean(1)
    assert torch.allclose(out[0].pred_score, want[0], atol=1e-6)


def test_attention_argmax_maps_cells_to_pixel_centres():
    alpha = torch.zeros(1, 2, 6)  # 2x3 grid on a 64x96 image
    alpha[0, 0, 5] = 1  # row 1, col 2
    alpha[0, 1, 0] = 1
    xy = attention_argmax(alpha, (2, 3), (64, 96))
    assert xy.tolist() == [[[80., 48.], [16., 16.]]]
