# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseHeatmapPreprocessor``: PoseConv3D heatmaps rendered on the device.

The dataloader sends keypoints (``PackPoseKeypoints``) instead of heatmap
volumes; this preprocessor renders the batch with torch where the model
lives (GPU when present, CPU otherwise), with the same values as
``GeneratePoseTarget`` + ``FormatShape('NCTHW_Heatmap')``.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from mmaction.models import ActionDataPreprocessor
from mmaction.utils import SampleList
from torch import Tensor
from torch.nn.utils.rnn import pad_sequence

from mmaction_pose.datasets.transforms.pose_packing import HEATMAP_CFG_KEY
from mmaction_pose.models.layers.heatmap_renderer import \
    render_heatmap_volumes
from mmaction_pose.registry import MODELS


@MODELS.register_module()
class PoseHeatmapPreprocessor(ActionDataPreprocessor):
    """Render PoseConv3D input volumes from keypoints on the model's device.

    **When to use it.** Rendering in the dataloader (``GeneratePoseTarget``)
    costs CPU time per sample and ships 10 MB (train, 48×17×56×56) to
    267 MB (10-clip test with flip) per sample through worker queues. With
    this preprocessor a sample is ~100 KB of keypoints and the batch is
    rendered in one pass on the GPU (or on the main process's CPU). Use it
    when data loading limits training/testing speed or memory (few CPU
    cores per GPU, multi-clip tests, large batches); keep dataloader
    rendering for pipelines that transform heatmaps after rendering (e.g.
    RGBPose ``heatmap_imgs``) or that need ``imgs`` in the dataloader.

    **The one-line switch.** A leaf config swaps its dataset base for the
    base's ``*_device.py`` twin, e.g.::

        _base_ = [..., '../_base_/datasets/synthetic_keypoint_device.py', ...]

    The twin inherits the dataset base, replaces the last three steps of
    every pipeline (``GeneratePoseTarget(**args)``, ``FormatShape``,
    ``PackActionInputs``) with ``PackPoseKeypoints(**args)`` and sets the
    top-level ``data_preprocessor = dict(type='PoseHeatmapPreprocessor')``,
    which mmengine's Runner puts into ``model`` when the model config has
    no ``data_preprocessor`` (APIs that build ``cfg.model`` themselves must
    do ``cfg.model.setdefault('data_preprocessor', cfg.data_preprocessor)``).
    The heatmap recipe (sigma, limbs, flip, clips) travels with each sample
    (``heatmap_cfg`` metainfo), so this preprocessor has no rendering
    arguments and val (no flip) and test (flip) need no separate models.

    Ready heatmap volumes (a list of ``(views, C, T, H, W)`` tensors) pass
    through unchanged, exactly as with ``ActionDataPreprocessor``, so a
    model config may keep this preprocessor for both kinds of pipelines.

    Args:
        mean, std: Optional per-channel normalisation (``NCTHW``).
        to_float32: Cast pass-through volumes to float32.
        blending: Optional batch blending config (training only).
    """

    def __init__(self,
                 mean: Sequence[float] | None = None,
                 std: Sequence[float] | None = None,
                 to_float32: bool = True,
                 blending: dict | None = None) -> None:
        super().__init__(mean=mean, std=std, to_rgb=False,
                         to_float32=to_float32, blending=blending,
                         format_shape='NCTHW')

    def preprocess(self,
                   inputs: Mapping | list[Tensor],
                   data_samples: SampleList,
                   training: bool = False) -> tuple[Tensor, SampleList]:
        """Render (or stack) the batch: ``(N, views, C, T, H, W)``."""
        if not (isinstance(inputs, Mapping) and 'keypoint' in inputs):
            return super().preprocess(inputs, data_samples, training)
        batch = self.render(inputs, data_samples)
        if self._enable_normalize:
            batch = (batch - self.mean) / self.std
        if training and self.blending is not None:
            batch, data_samples = self.blending(batch, data_samples)
        return batch, data_samples

    @staticmethod
    def render(inputs: Mapping, data_samples: SampleList) -> Tensor:
        """Render keypoint packs from ``PackPoseKeypoints``.

        Args:
            inputs: ``keypoint``: ``N`` tensors ``(M_i, T, V, 2)``;
                ``keypoint_score``: ``N`` tensors ``(M_i, T, V)``.
            data_samples: Their data samples, carrying ``heatmap_cfg``.

        Returns:
            ``(N, views, C, clip_len, H, W)`` on the keypoints' device.
        """
        cfgs = [sample.metainfo[HEATMAP_CFG_KEY] for sample in data_samples]
        recipe = {k: v for k, v in cfgs[0].items() if k != 'canvas'}
        for cfg in cfgs[1:]:
            if {k: v for k, v in cfg.items() if k != 'canvas'} != recipe:
                raise ValueError('all samples of a batch need the same '
                                 f'heatmap recipe; got {recipe} and {cfg}')
        keypoint = pad_sequence(list(inputs['keypoint']), batch_first=True)
        score = pad_sequence(list(inputs['keypoint_score']),
                             batch_first=True)
        return render_heatmap_volumes(
            keypoint, score, [cfg['canvas'] for cfg in cfgs],
            sigma=recipe['sigma'], with_kp=recipe['with_kp'],
            with_limb=recipe['with_limb'], skeletons=recipe['skeletons'],
            flip_index=recipe['flip_index'], num_clips=recipe['num_clips'],
            eps=recipe['eps'])
