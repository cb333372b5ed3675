# Copyright (c) mmaction-pose. All rights reserved.
"""A recognizer's test computation as a plain ``forward`` (ONNX export).

``model.test_step`` = data preprocessor + backbone + head + clip averaging
(``average_clips``), with data samples and dicts around it. The modules
here are that computation on tensors only, in the model's input layout
(``(N, views, C, T, H, W)`` per input key for 3D models, ``(N,
views*segments, C, H, W)`` for 2D ones), returning the scores that
``test_step`` writes to ``pred_score``:

- ``Recognizer3D`` (PoseConv3D, PA3D one stream): ``scores``;
- ``PA3DScoreFusionRecognizer``: ``scores`` (the weighted fusion) and
  ``scores_<key>`` per stream;
- ``MMRecognizer3D`` with ``RGBPoseHead`` (RGBPoseConv3D): ``scores_rgb``,
  ``scores_pose`` and ``scores``, their 1:1 mean (``SkeletonRecognizer``'s
  score, the paper's late fusion);
- ``Recognizer2D`` with ``RPANHead``: ``scores`` (the last or mean step,
  per ``predict_step``, clip-averaged) and ``attention`` ``(N, T, J, K1,
  K2)``, the first view's pose attention (``pred_attention``); with
  another head (TSN-style, no neck): ``scores``.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch.nn.functional as F
from torch import Tensor, nn


def average_clips(cls_scores: Tensor, batch: Tensor | int,
                  mode: str | None) -> Tensor:
    """``BaseHead.average_clip`` on ``(N*views, K)`` -> ``(N, K)``."""
    scores = cls_scores.reshape(batch, -1, cls_scores.shape[-1])
    if mode == 'prob':
        return F.softmax(scores, dim=2).mean(dim=1)
    if mode == 'score':
        return scores.mean(dim=1)
    raise ValueError(f'cannot export average_clips={mode!r} (only '
                     "'prob' and 'score' give one score per sample)")


class Normalize(nn.Module):
    """``ActionDataPreprocessor``'s ``to_rgb`` + ``(x - mean) / std``."""

    def __init__(self, preprocessor: nn.Module) -> None:
        super().__init__()
        self.to_rgb = bool(getattr(preprocessor, 'to_rgb', False))
        self.enabled = bool(getattr(preprocessor, '_enable_normalize', False))
        # C is the 3rd axis from the end in NCHW, the 4th in NCTHW
        fmt = getattr(preprocessor, 'format_shape', 'NCTHW')
        self.channel_dim = -3 if fmt == 'NCHW' else -4
        if self.enabled:
            self.register_buffer('mean', preprocessor.mean.clone())
            self.register_buffer('std', preprocessor.std.clone())

    def forward(self, x: Tensor) -> Tensor:
        """``(N, views, C, T, H, W)`` or ``(N, views, C, H, W)``,
        normalized as the preprocessor does."""
        if self.to_rgb:
            x = x.flip(self.channel_dim)
        x = x.float()
        if self.enabled:
            x = (x - self.mean) / self.std
        return x


def _normalizers(model: nn.Module, keys: Sequence[str]) -> nn.ModuleDict:
    pre = model.data_preprocessor
    per_key = getattr(pre, 'preprocessors', None)
    out = nn.ModuleDict()
    for key in keys:
        sub = per_key[key] if per_key is not None and key in per_key else pre
        out[key] = Normalize(sub)
    return out


def _flat(x: Tensor) -> Tensor:
    return x.reshape((-1, ) + tuple(x.shape[2:]))


class ExportableRecognizer(nn.Module):
    """Tensors in, ``pred_score`` tensors out, for the supported models.

    Args:
        model: A built recognizer in eval mode, weights loaded.

    Attributes:
        input_keys: The model's input keys, in ``forward``'s argument order.
        output_names: Names of ``forward``'s outputs, in order.
        dynamic_views: Whether the views axis (axis 1) may change after
            tracing (False for RPAN without ``num_steps``).
    """

    def __init__(self, model: nn.Module) -> None:
        super().__init__()
        kind = type(model).__name__
        self.kind = kind
        self.dynamic_views = True
        if kind == 'Recognizer3D':
            if getattr(model, 'with_neck', False):
                raise ValueError('cannot export a Recognizer3D with a neck')
            self.input_keys = ('imgs', )
            self.backbone, self.head = model.backbone, model.cls_head
            self.output_names = ('scores', )
        elif kind == 'PA3DScoreFusionRecognizer':
            self.input_keys = tuple(model.backbones.keys())
            self.backbones, self.heads = model.backbones, model.cls_heads
            total = sum(model.fusion_weights.values())
            self.weights = {k: float(w) / total
                            for k, w in model.fusion_weights.items()}
            self.output_names = ('scores', ) + tuple(
                f'scores_{k}' for k in self.input_keys)
        elif kind == 'MMRecognizer3D':
            self.input_keys = ('imgs', 'heatmap_imgs')
            self.backbone, self.head = model.backbone, model.cls_head
            if type(self.backbone).__name__ != 'RGBPoseConv3D':
                raise ValueError('MMRecognizer3D export supports the '
                                 'RGBPoseConv3D backbone only, got '
                                 f'{type(self.backbone).__name__}')
            self.output_names = ('scores', 'scores_rgb', 'scores_pose')
        elif kind == 'Recognizer2D':
            self._init_2d(model)
        else:
            raise ValueError(f'cannot export a {kind} (supported: '
                             'Recognizer3D, PA3DScoreFusionRecognizer, '
                             'MMRecognizer3D with RGBPoseConv3D, '
                             'Recognizer2D)')
        self.normalize = _normalizers(model, self.input_keys)

    def _init_2d(self, model: nn.Module) -> None:
        """``Recognizer2D``: an mmaction2-style backbone, no neck, no
        ``fcn_test``; RPAN's recurrent head or a TSN-style one."""
        from mmaction_pose.models.heads.rpan_head import RPANHead
        test_cfg = getattr(model, 'test_cfg', None) or {}
        if getattr(model, 'with_neck', False) or test_cfg.get('fcn_test'):
            raise ValueError('cannot export a Recognizer2D with a neck or '
                             'fcn_test')
        if model.backbone_from != 'mmaction2':
            raise ValueError('Recognizer2D export supports registered '
                             'backbones only, got one from '
                             f'{model.backbone_from}')
        self.input_keys = ('imgs', )
        self.backbone, self.head = model.backbone, model.cls_head
        self.rpan = isinstance(self.head, RPANHead)
        with_attention = self.rpan and self.head.attention.supervised
        self.output_names = ('scores', ) + (
            ('attention', ) if with_attention else ())
        # RPAN without num_steps takes every segment as a step: the
        # unrolled recurrence fixes the segment count
        self.dynamic_views = not self.rpan or bool(self.head.num_steps)

    def forward(self, *inputs: Tensor) -> tuple[Tensor, ...]:
        """``inputs``: one ``(N, views, C, T, H, W)`` per ``input_keys``
        (``imgs (N, views*segments, C, H, W)`` for ``Recognizer2D``)."""
        x = {k: self.normalize[k](v) for k, v in zip(self.input_keys, inputs)}
        batch = inputs[0].shape[0]
        if self.kind == 'Recognizer3D':
            head = self.head
            logits = head(self.backbone(_flat(x['imgs'])))
            return (average_clips(logits, batch, head.average_clips), )
        if self.kind == 'PA3DScoreFusionRecognizer':
            scores = []
            for key in self.input_keys:
                head = self.heads[key]
                logits = head(self.backbones[key](_flat(x[key])))
                scores.append(average_clips(logits, batch, head.average_clips))
            fused = sum(self.weights[k] * s
                        for k, s in zip(self.input_keys, scores))
            return (fused, *scores)
        if self.kind == 'Recognizer2D':
            return self._forward_2d(x['imgs'])
        feats = self.backbone(_flat(x['imgs']), _flat(x['heatmap_imgs']))
        logits = self.head(feats)
        mode = self.head.average_clips
        rgb = average_clips(logits['rgb'], batch, mode)
        pose = average_clips(logits['pose'], batch, mode)
        return ((rgb + pose) / 2, rgb, pose)

    def _forward_2d(self, imgs: Tensor) -> tuple[Tensor, ...]:
        """``imgs (N, views*segments, C, H, W)`` -> ``scores (N, K)`` (and
        RPAN's ``attention (N, T, J, K1, K2)``, its first view)."""
        batch, segments = imgs.shape[:2]
        feats = self.backbone(_flat(imgs))
        mode = self.head.average_clips
        if not self.rpan:
            logits = self.head(feats, num_segs=segments)
            return (average_clips(logits, batch, mode), )
        # RPANHead.predict: (N*views, T, K) step logits -> one per view
        logits, alpha = self.head(feats, num_segs=segments)
        steps = logits[:, -1] if self.head.predict_step == 'last' \
            else logits.mean(1)
        scores = average_clips(steps, batch, mode)
        if len(self.output_names) == 1:
            return (scores, )
        first = alpha.reshape((batch, -1) + tuple(alpha.shape[1:]))[:, 0]
        return (scores, first)


class KeypointInputRecognizer(nn.Module):
    """Keypoints (+ RGB clips) in: the map tail rendered in the graph.

    Args:
        recognizer: :class:`ExportableRecognizer`.
        maps: :class:`~mmaction_pose.deployment.keypoint_maps.KeypointMaps`
            producing every input key the recognizer needs except the
            pass-through ones (RGB ``imgs``).

    ``forward(keypoint, keypoint_score, *passthrough)``.
    """

    def __init__(self, recognizer: ExportableRecognizer,
                 maps: nn.Module) -> None:
        super().__init__()
        self.recognizer = recognizer
        self.maps = maps
        self.passthrough = tuple(k for k in recognizer.input_keys
                                 if k not in maps.keys)
        missing = set(recognizer.input_keys) - set(maps.keys) - \
            set(self.passthrough)
        if missing or (self.passthrough and self.passthrough != ('imgs', )):
            raise ValueError(f'the pipeline renders {maps.keys}; the model '
                             f'needs {recognizer.input_keys}')
        self.output_names = recognizer.output_names

    def forward(self, keypoint: Tensor, keypoint_score: Tensor,
                *passthrough: Tensor) -> tuple[Tensor, ...]:
        maps = self.maps(keypoint, keypoint_score)
        maps.update(zip(self.passthrough, passthrough))
        return self.recognizer(*(maps[k] for k in self.recognizer.input_keys))
