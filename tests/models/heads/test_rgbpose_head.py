# Copyright (c) mmaction-pose. All rights reserved.
"""RGBPoseHead: drop-in parity with MMAction2's head, and the fixed
batch-size-equals-num-classes crash."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F

from mmaction.models.heads import RGBPoseHead as MMARGBPoseHead
from mmaction.structures import ActionDataSample
from mmaction_pose.models.heads import RGBPoseHead
from mmaction_pose.registry import MODELS

KWARGS = dict(num_classes=4, in_channels=(16, 8), loss_weights=[1., 0.5],
              dropout=dict(rgb=0.3, pose=0.6), average_clips='prob')


def _pair(**kwargs):
    ours, theirs = RGBPoseHead(**kwargs), MMARGBPoseHead(**kwargs)
    ours.init_weights()
    theirs.load_state_dict(ours.state_dict())
    ours.eval(), theirs.eval()
    return ours, theirs


def _feats(n: int):
    return torch.rand(n, 16, 2, 3, 3), torch.rand(n, 8, 4, 3, 3)


def _samples(labels):
    return [ActionDataSample().set_gt_label(label) for label in labels]


def test_rgbpose_head_resolves_to_ours_in_our_scope():
    head = MODELS.build(dict(type='RGBPoseHead', **KWARGS))
    assert type(head) is RGBPoseHead


def test_rgbpose_head_forward_matches_mmaction():
    ours, theirs = _pair(**KWARGS)
    feats = _feats(3)
    out, ref = ours(feats), theirs(feats)
    assert out.keys() == ref.keys() == {'rgb', 'pose'}
    for key in out:
        torch.testing.assert_close(out[key], ref[key])


def test_rgbpose_head_loss_matches_mmaction():
    ours, theirs = _pair(**KWARGS)
    feats, samples = _feats(3), _samples([0, 3, 1])
    out = ours.loss(feats, samples)
    ref = theirs.loss(feats, samples)
    assert out.keys() == ref.keys()
    for key in out:
        torch.testing.assert_close(out[key], ref[key])


def test_rgbpose_head_predict_matches_mmaction():
    ours, theirs = _pair(**KWARGS)
    feats = _feats(6)  # 2 samples x 3 clips
    out = ours.predict(feats, _samples([0, 1]))
    ref = theirs.predict(feats, _samples([0, 1]))
    for a, b in zip(out, ref):
        assert a.pred_score.keys() == b.pred_score.keys()
        for key in a.pred_score:
            torch.testing.assert_close(a.pred_score[key], b.pred_score[key])


def test_rgbpose_head_batch_equal_to_num_classes_trains():
    """MMAction2 calls ``.size()`` on the score dict here and crashes."""
    ours, theirs = _pair(**KWARGS)
    feats, samples = _feats(4), _samples([0, 1, 2, 3])
    with pytest.raises(AttributeError):
        theirs.loss(feats, samples)
    losses = ours.loss(feats, samples)
    scores = ours(feats)
    labels = torch.arange(4)
    torch.testing.assert_close(losses['rgb_loss_cls'],
                               F.cross_entropy(scores['rgb'], labels))
    torch.testing.assert_close(losses['pose_loss_cls'],
                               0.5 * F.cross_entropy(scores['pose'], labels))


def test_rgbpose_head_soft_labels_of_one_sample():
    ours, _ = _pair(**KWARGS)
    soft = torch.tensor([0.7, 0.1, 0.1, 0.1])
    losses = ours.loss(_feats(1), _samples([soft]))
    assert torch.isfinite(losses['rgb_loss_cls'])
    assert 'rgb_top1_acc' not in losses  # accuracy needs hard labels


def test_rgbpose_head_accepts_integer_dropout_and_weights():
    head = RGBPoseHead(num_classes=4, in_channels=(16, 8), dropout=0,
                       loss_weights=1)
    assert head.dropout_rgb.p == 0 and head.loss_weights == [1.0, 1.0]
