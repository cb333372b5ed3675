# Copyright (c) mmaction-pose. All rights reserved.
"""``ActionMachine``: person-centric I3D with a pose branch and a CNN on the
estimated poses (Zhu et al., "Action Machine: Rethinking Action Recognition
in Trimmed Videos", 2018, Sec. 3, Fig. 2, Eq. 8).

::

    person crop (N*V, 3, T, H, W) ── I3D ──┬── I3DHead ───────────── p_rgb ─┐
                                           └── DeconvKeypointHead           ├ Σ
          (no gradient) HeatmapOffsetDecoder ── PoseResNet2d ── head p_pose ┘

``L = l1 L_rgb + l2 L_pose + l3 L_pose-action`` (all 1); at test the two
softmax scores are summed. The paper's reported models train in two stages
("KPS RGBAction", then "We fix it and only train the ResNet-18 or ResNet-50
for pose-based action recognition"): ``mode='rgb_kps'`` then
``mode='pose_cls_only'``; ``'joint'`` trains all terms at once (Eq. 8) and
``'rgb'`` is the "RGBAction person crop" ablation.
"""
from __future__ import annotations

import torch
from torch import Tensor

from mmaction.models.recognizers.base import BaseRecognizer
from mmaction.utils import SampleList
from mmaction_pose.registry import MODELS
from ..heads.deconv_keypoint_head import stack_joint_targets

MODES = {  # mode: (RGB head, pose head, pose classifier) trained
    'rgb': (True, False, False),
    'rgb_kps': (True, True, False),
    'pose_cls_only': (False, False, True),
    'joint': (True, True, True),
}


@MODELS.register_module()
class ActionMachine(BaseRecognizer):
    """Three heads on one I3D: RGB action, pose estimation, pose action.

    Args:
        backbone: The I3D (mmaction2's ``ResNet3d``, no temporal stride).
        cls_head: RGB action head (``I3DHead``).
        pose_head: ``DeconvKeypointHead`` or None.
        pose_decoder: ``HeatmapOffsetDecoder`` (needed with a pose
            classifier).
        pose_backbone: ``PoseResNet2d`` or None.
        pose_cls_head: Pose action head (``TSNHead``) or None.
        mode: Which terms train: ``'rgb'``, ``'rgb_kps'``,
            ``'pose_cls_only'`` (the I3D and both of its heads frozen, in
            eval mode) or ``'joint'``.
        loss_weights: ``(l1, l2, l3)`` of Eq. 8.
        data_preprocessor: ``ActionDataPreprocessor`` config.

    Predictions: ``pred_score`` is ``dict(rgb=..., pose=...)`` (view-averaged
    probabilities; mmaction2's ``AccMetric`` reports each head and their
    1:1 sum as ``RGBPose_1:1_top1``) when the model has a pose classifier,
    else the RGB scores; with a pose head also ``pred_keypoint`` and
    ``pred_keypoint_score`` ``(V*T, J[, 2])`` for every view and frame.
    """

    def __init__(self,
                 backbone: dict,
                 cls_head: dict,
                 pose_head: dict | None = None,
                 pose_decoder: dict | None = None,
                 pose_backbone: dict | None = None,
                 pose_cls_head: dict | None = None,
                 mode: str = 'rgb_kps',
                 loss_weights: tuple[float, float, float] = (1., 1., 1.),
                 data_preprocessor: dict | None = None,
                 train_cfg: dict | None = None,
                 test_cfg: dict | None = None) -> None:
        super().__init__(backbone, cls_head, train_cfg=train_cfg,
                         test_cfg=test_cfg,
                         data_preprocessor=data_preprocessor)
        if mode not in MODES:
            raise ValueError(f'mode must be one of {sorted(MODES)}, got '
                             f'{mode!r}')
        if (pose_backbone is None) != (pose_cls_head is None):
            raise ValueError('pose_backbone and pose_cls_head go together')
        if pose_backbone is not None and (pose_head is None
                                          or pose_decoder is None):
            raise ValueError('a pose classifier needs pose_head and '
                             'pose_decoder (it reads the estimated poses)')
        self.mode = mode
        self.loss_weights = tuple(float(w) for w in loss_weights)
        self.pose_head = MODELS.build(pose_head) if pose_head else None
        self.pose_decoder = MODELS.build(pose_decoder) \
            if pose_decoder else None
        self.pose_backbone = MODELS.build(pose_backbone) \
            if pose_backbone else None
        self.pose_cls_head = MODELS.build(pose_cls_head) \
            if pose_cls_head else None
        train_rgb, train_kps, train_pose = MODES[mode]
        if train_kps and self.pose_head is None:
            raise ValueError(f'mode={mode!r} trains the pose head: give one')
        if train_pose and self.pose_cls_head is None:
            raise ValueError(f'mode={mode!r} trains the pose classifier: '
                             'give pose_backbone and pose_cls_head')
        if mode == 'pose_cls_only':
            for module in self._frozen():
                module.requires_grad_(False)

    def _frozen(self) -> list[torch.nn.Module]:
        """The modules that ``'pose_cls_only'`` fixes."""
        mods = [self.backbone, self.cls_head]
        return mods + ([self.pose_head] if self.pose_head else [])

    def train(self, mode: bool = True) -> 'ActionMachine':
        """Keeps the frozen I3D and heads in eval mode (BN statistics)."""
        super().train(mode)
        if self.mode == 'pose_cls_only':
            for module in self._frozen():
                module.eval()
        return self

    def extract_feat(self, inputs: Tensor, stage: str = 'backbone',
                     **kwargs) -> tuple[Tensor, dict]:
        """``(N, V, C, T, H, W)`` -> I3D features ``(N*V, C', T, h, w)``."""
        x = inputs.reshape((-1, ) + inputs.shape[2:])
        with torch.set_grad_enabled(torch.is_grad_enabled()
                                    and self.mode != 'pose_cls_only'):
            return self.backbone(x), dict()

    def _pose_logits(self, maps: Tensor, num_frames: int) -> Tensor:
        """Heatmaps + offsets -> pose image -> pose CNN -> ``(B, K)``."""
        image = self.pose_decoder(maps, num_frames)
        return self.pose_cls_head(self.pose_backbone(image), num_segs=1)

    def loss(self, inputs: Tensor, data_samples: SampleList,
             **kwargs) -> dict:
        """``rgb_*``, ``loss_heatmap``/``loss_offset``/``kps_err`` and
        ``pose_*`` terms of the mode, weighted by ``loss_weights``."""
        train_rgb, train_kps, train_pose = MODES[self.mode]
        feats, _ = self.extract_feat(inputs)
        w_rgb, w_kps, w_pose = self.loss_weights
        losses = {}
        if train_rgb:
            for k, v in self.cls_head.loss(feats, data_samples).items():
                losses[f'rgb_{k}'] = v * w_rgb if k.startswith('loss') else v
        maps = None
        if train_kps:
            maps = self.pose_head(feats)
            kps = self.pose_head.loss_by_maps(
                maps, *stack_joint_targets(data_samples, feats.device))
            losses.update({
                k: v * w_kps if k.startswith('loss') else v
                for k, v in kps.items()
            })
        if train_pose:
            if maps is None:
                with torch.no_grad():
                    maps = self.pose_head(feats)
            logits = self._pose_logits(maps, feats.shape[2])
            for k, v in self.pose_cls_head.loss_by_feat(
                    logits, data_samples).items():
                losses[f'pose_{k}'] = v * w_pose if k.startswith('loss') \
                    else v
        return losses

    def predict(self, inputs: Tensor, data_samples: SampleList,
                **kwargs) -> SampleList:
        """View-averaged scores of each head and the estimated poses."""
        feats, _ = self.extract_feat(inputs)
        views = feats.shape[0] // len(data_samples)
        rgb = self.cls_head.average_clip(self.cls_head(feats), views)
        scores = dict(rgb=rgb)
        if self.pose_head is not None:
            maps, kps, conf = self.pose_head.predict(feats)
            per_sample = kps.shape[0] // len(data_samples)
            for i, ds in enumerate(data_samples):
                sl = slice(i * per_sample, (i + 1) * per_sample)
                ds.set_field(kps[sl].detach().cpu(), 'pred_keypoint')
                ds.set_field(conf[sl].detach().cpu(), 'pred_keypoint_score')
            if self.pose_cls_head is not None:
                scores['pose'] = self.pose_cls_head.average_clip(
                    self._pose_logits(maps, feats.shape[2]), views)
        for i, ds in enumerate(data_samples):
            if len(scores) == 1:
                ds.set_pred_score(rgb[i])
            else:
                ds.set_pred_score({k: s[i] for k, s in scores.items()})
            fused = sum(s[i] for s in scores.values())
            ds.set_pred_label(fused.argmax(-1, keepdim=True).detach())
        return data_samples
