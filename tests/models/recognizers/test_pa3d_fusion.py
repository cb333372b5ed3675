# Copyright (c) mmaction-pose. All rights reserved.
"""PA3DScoreFusionRecognizer (Table 5, "∪") and the ⊕ model wiring."""
from __future__ import annotations

import pytest
import torch
from mmaction.structures import ActionDataSample
from mmengine.dataset import pseudo_collate

from mmaction_pose.registry import MODELS

SMALL_CNN = dict(channels=(4, 8, 16))


def _stream(v: int, t: int, k: int = 3) -> dict:
    return dict(
        backbone=dict(type='PA3D', in_channels=v, num_frames=t,
                      cnn_cfg=SMALL_CNN),
        cls_head=dict(type='I3DHead', in_channels=16, num_classes=k,
                      average_clips='prob'))


def _batch(num_clips: int, n: int = 2) -> dict:
    """A collated batch as ``PackActionInputs(collect_keys=...)`` makes."""
    return pseudo_collate([
        dict(inputs=dict(imgs=torch.rand(num_clips, 5, 4, 8, 8),
                         paf_imgs=torch.rand(num_clips, 6, 4, 8, 8)),
             data_samples=ActionDataSample().set_gt_label(i % 3))
        for i in range(n)
    ])


@pytest.fixture
def fusion_model():
    return MODELS.build(dict(
        type='PA3DScoreFusionRecognizer',
        streams=dict(imgs=_stream(5, 4), paf_imgs=_stream(6, 4)),
        fusion_weights=dict(imgs=1.0, paf_imgs=3.0)))


def test_fusion_loss_has_one_loss_per_stream(fusion_model):
    data = fusion_model.data_preprocessor(_batch(1), training=True)
    losses = fusion_model(**data, mode='loss')
    assert {'imgs.loss_cls', 'paf_imgs.loss_cls'} <= set(losses)
    total = sum(v for k, v in losses.items() if 'loss' in k)
    total.backward()
    for key in ('imgs', 'paf_imgs'):
        grads = [p.grad for p in fusion_model.backbones[key].parameters()]
        assert all(g is not None for g in grads)


def test_fusion_predict_is_weighted_mean_of_stream_probs(fusion_model):
    fusion_model.eval()
    data = fusion_model.data_preprocessor(_batch(num_clips=3))
    with torch.no_grad():
        out = fusion_model(**data, mode='predict')
    for sample in out:
        p_j, p_p = sample.pred_score_imgs, sample.pred_score_paf_imgs
        torch.testing.assert_close(sample.pred_score, (p_j + 3 * p_p) / 4)
        torch.testing.assert_close(p_j.sum(), torch.tensor(1.))
        assert sample.pred_label.item() == sample.pred_score.argmax().item()


def test_fusion_tensor_mode_returns_logits_per_stream(fusion_model):
    data = fusion_model.data_preprocessor(_batch(num_clips=2))
    out = fusion_model(**data, mode='tensor')
    assert {k: tuple(v.shape) for k, v in out.items()} == {
        'imgs': (4, 3), 'paf_imgs': (4, 3)}


def test_fusion_rejects_mismatched_weights():
    with pytest.raises(ValueError, match='fusion_weights'):
        MODELS.build(dict(type='PA3DScoreFusionRecognizer',
                          streams=dict(imgs=_stream(5, 4)),
                          fusion_weights=dict(paf_imgs=1.0)))


def test_concat_model_trains_with_mmrecognizer3d():
    model = MODELS.build(dict(
        type='MMRecognizer3D',
        backbone=dict(
            type='PA3DModalityConcat',
            modalities=dict(imgs=dict(in_channels=5, num_frames=4),
                            paf_imgs=dict(in_channels=6, num_frames=4)),
            cnn_cfg=SMALL_CNN),
        cls_head=dict(type='I3DHead', in_channels=16, num_classes=3),
        data_preprocessor=dict(
            type='MultiModalDataPreprocessor',
            preprocessors=dict(
                imgs=dict(type='ActionDataPreprocessor', format_shape='NCTHW'),
                paf_imgs=dict(type='ActionDataPreprocessor',
                              format_shape='NCTHW')))))
    data = model.data_preprocessor(_batch(1), training=True)
    losses = model(**data, mode='loss')
    assert torch.isfinite(losses['loss_cls'])
