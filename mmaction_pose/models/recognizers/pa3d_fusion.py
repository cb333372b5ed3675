# Copyright (c) mmaction-pose. All rights reserved.
"""PA3D score fusion "∪" (Table 5): one network per modality, fused scores.

Yan et al., *PA3D: Pose-Action 3D Machine for Video Recognition*, CVPR 2019,
§4.1 "Does multi-modality fusion help?": "we feed spatio-temporal
representation of each pose modality into an individual action CNN, and fuse
the prediction scores at the test phase".
"""
from __future__ import annotations

from mmengine.model import BaseModel, ModuleDict
from torch import Tensor

from mmaction_pose.registry import MODELS


@MODELS.register_module()
class PA3DScoreFusionRecognizer(BaseModel):
    """Several independent streams (backbone + head) with late score fusion.

    A new recognizer because the data flow differs from ``MMRecognizer3D``:
    every input key has its own backbone *and* head. Training sums the
    streams' losses; their parameters are disjoint, so this equals training
    the streams separately (up to the shared data order and schedule).
    Testing averages each stream's clip scores (its head's
    ``average_clips``, ``'prob'`` = softmax as in the paper) and fuses them
    with a weighted mean (equal weights: the paper gives none).

    ::

        inputs['imgs']      ─ PA3D ─ I3DHead ─ p_J ─┐
        inputs['paf_imgs']  ─ PA3D ─ I3DHead ─ p_P ─┼─ Σ w_k p_k / Σ w_k
        inputs['jdiff_imgs']─ PA3D ─ I3DHead ─ p_Jd ┘

    The fused score is ``pred_score``; every stream's score is also stored in
    the data sample as ``pred_score_<key>``.

    Args:
        streams: ``{input key: dict(backbone=cfg, cls_head=cfg)}``; keys are
            the pipeline's ``PackActionInputs(collect_keys=...)``.
        fusion_weights: ``{input key: weight}``; ``None`` is equal weights.
        data_preprocessor: Defaults to a ``MultiModalDataPreprocessor`` with
            a plain ``ActionDataPreprocessor(format_shape='NCTHW')`` per key.
        init_cfg: Initialization config.
    """

    def __init__(self,
                 streams: dict[str, dict],
                 fusion_weights: dict[str, float] | None = None,
                 data_preprocessor: dict | None = None,
                 init_cfg: dict | list[dict] | None = None) -> None:
        if data_preprocessor is None:
            data_preprocessor = dict(
                type='MultiModalDataPreprocessor',
                preprocessors={
                    key: dict(type='ActionDataPreprocessor',
                              format_shape='NCTHW')
                    for key in streams
                })
        super().__init__(
            data_preprocessor=data_preprocessor, init_cfg=init_cfg)
        if not streams:
            raise ValueError('PA3DScoreFusionRecognizer needs a stream')
        weights = {k: 1.0 for k in streams} if fusion_weights is None \
            else dict(fusion_weights)
        if set(weights) != set(streams):
            raise ValueError(f'fusion_weights keys {sorted(weights)} differ '
                             f'from streams {sorted(streams)}')
        self.fusion_weights = weights
        self.backbones = ModuleDict()
        self.cls_heads = ModuleDict()
        for key, cfg in streams.items():
            self.backbones[key] = MODELS.build(cfg['backbone'])
            self.cls_heads[key] = MODELS.build(cfg['cls_head'])

    def _features(self, inputs: dict[str, Tensor]) -> dict[str, Tensor]:
        """``{key: (N, num_clips, C, T, H, W)}`` -> per-stream features."""
        missing = set(self.backbones) - set(inputs)
        if missing:
            raise KeyError(f'missing inputs {sorted(missing)}')
        return {
            key: backbone(inputs[key].reshape((-1, ) +
                                              inputs[key].shape[2:]))
            for key, backbone in self.backbones.items()
        }

    def loss(self, inputs: dict[str, Tensor], data_samples: list) -> dict:
        """Sum of the streams' losses, logged as ``<key>.<name>``."""
        losses = {}
        for key, feats in self._features(inputs).items():
            for name, value in self.cls_heads[key].loss(
                    feats, data_samples).items():
                losses[f'{key}.{name}'] = value
        return losses

    def predict(self, inputs: dict[str, Tensor], data_samples: list) -> list:
        """Fused ``pred_score`` ``(K,)`` and ``pred_score_<key>`` per sample."""
        scores = {}
        for key, feats in self._features(inputs).items():
            head = self.cls_heads[key]
            cls_scores = head(feats)
            num_segs = cls_scores.shape[0] // len(data_samples)
            scores[key] = head.average_clip(cls_scores, num_segs=num_segs)
        total = sum(self.fusion_weights.values())
        fused = sum(self.fusion_weights[k] * s for k, s in scores.items())
        fused = fused / total
        labels = fused.argmax(dim=-1, keepdim=True).detach()
        for i, sample in enumerate(data_samples):
            sample.set_pred_score(fused[i]).set_pred_label(labels[i])
            for key, score in scores.items():
                sample.set_field(score[i], f'pred_score_{key}')
        return data_samples

    def forward(self,
                inputs: dict[str, Tensor],
                data_samples: list | None = None,
                mode: str = 'tensor') -> dict | list:
        """MMEngine entry: ``mode`` is ``'loss'``, ``'predict'`` or
        ``'tensor'`` (per-stream logits ``{key: (N*num_clips, K)}``)."""
        if mode == 'loss':
            return self.loss(inputs, data_samples)
        if mode == 'predict':
            return self.predict(inputs, data_samples)
        if mode == 'tensor':
            return {
                key: self.cls_heads[key](feats)
                for key, feats in self._features(inputs).items()
            }
        raise RuntimeError(f'invalid mode {mode!r}')

