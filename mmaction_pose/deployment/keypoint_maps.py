# Copyright (c) mmaction-pose. All rights reserved.
"""The map-rendering end of a test pipeline as a torch module (ONNX).

A PoseConv3D / PA3D / RGBPose test pipeline is a *geometric head* (frame
sampling, decoding, cropping, resizing: keypoints in canvas pixels) and a
*map tail* that renders and formats the network inputs. The keypoint-input
ONNX model keeps the head outside (cheap numpy on a few KB) and puts the
tail inside the graph, so a deployed model takes keypoints. Supported tail
steps::

    GeneratePoseTarget / PackPoseKeypoints   joints and/or limbs, double
    GeneratePartAffinityFields               PA3D's P, double
    PoseTemporalDifference                   PA3D's Jdiff / Pdiff
    FormatShape, FormatPoseModalities, PackActionInputs (layout only)

Everything works in the model's layout ``(N, views, C, T, H, W)`` with
``views = crops × clips`` (flipped crops after the originals, as the
dataloader stacks them); the clip count follows the frame count.
"""
from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import Tensor, nn

from mmaction_pose.datasets.transforms.functional.heatmaps import (
    EPS, heatmap_flip_index)
from mmaction_pose.datasets.transforms.functional.paf import paf_flip_params
from mmaction_pose.models.layers.dense_pose_maps import (
    flip_fields, flip_maps, keypoint_heatmaps, limb_heatmaps,
    part_affinity_fields)
from mmaction_pose.structures.skeleton_layouts import get_layout

#: Steps that render maps from keypoints (the start of the map tail).
MAP_STEPS = ('GeneratePoseTarget', 'PackPoseKeypoints',
             'GeneratePartAffinityFields')
#: Steps of the tail that only reorder / pack (no-ops in the graph).
LAYOUT_STEPS = ('FormatShape', 'FormatPoseModalities', 'PackActionInputs')
_DEFAULT_KP = dict(left_kp=(1, 3, 5, 7, 9, 11, 13, 15),
                   right_kp=(2, 4, 6, 8, 10, 12, 14, 16),
                   left_limb=(0, 2, 4, 5, 6, 10, 11, 12),
                   right_limb=(1, 3, 7, 8, 9, 13, 14, 15))


def step_type(step: dict) -> str:
    """A pipeline step's class name without its registry scope."""
    return str(step['type']).split('.')[-1]


def pipeline_flips(pipeline: Sequence[dict]) -> set[bool]:
    """The ``double`` (test-time flip) values of the map steps of a
    pipeline: ``set()`` without map steps, ``{True}`` when all flip."""
    return {bool(s.get('double', False)) for s in pipeline
            if step_type(s) in MAP_STEPS}


def split_pipeline(pipeline: Sequence[dict]) -> tuple[list, list]:
    """``(head, tail)``: the tail starts at the first map-rendering step.

    Raises:
        ValueError: no map step, or a tail step the graph cannot run.
    """
    types = [step_type(s) for s in pipeline]
    starts = [i for i, t in enumerate(types) if t in MAP_STEPS]
    if not starts:
        raise ValueError('the test pipeline renders no pose maps from '
                         f'keypoints ({types}); export it with --input '
                         'heatmap')
    head, tail = list(pipeline[:starts[0]]), list(pipeline[starts[0]:])
    for step in tail:
        kind = step_type(step)
        if kind not in MAP_STEPS + LAYOUT_STEPS + ('PoseTemporalDifference',):
            raise ValueError(f'{kind} comes after the map rendering; the '
                             'keypoint-input graph cannot run it (export '
                             'with --input heatmap)')
    return head, tail


def _views(maps: Tensor, clip_len: int) -> Tensor:
    """``(N, C, K*T, H, W)`` -> ``(N, K, C, T, H, W)``."""
    n, c, _, h, w = maps.shape
    return maps.reshape(n, c, -1, clip_len, h, w).permute(0, 2, 1, 3, 4, 5)


class _MapStep(nn.Module):
    """One rendering step: keypoints -> ``(N, views, C, T, H', W')``."""

    def __init__(self, out_key: str, scaling: float,
                 canvas: tuple[int, int], use_score: bool) -> None:
        super().__init__()
        self.out_key = out_key
        self.scaling = float(scaling)
        self.use_score = use_score
        self.size = (int(canvas[0] * scaling + 0.5),
                     int(canvas[1] * scaling + 0.5))

    def inputs(self, keypoint: Tensor, score: Tensor) -> tuple[Tensor, Tensor]:
        keypoint = keypoint[..., :2].float()
        if self.scaling != 1:
            keypoint = keypoint * torch.tensor(self.scaling,
                                               dtype=torch.float32)
        if not self.use_score:
            score = torch.ones_like(score)
        return keypoint, score.float()


class HeatmapStep(_MapStep):
    """``GeneratePoseTarget`` (or ``PackPoseKeypoints``) in the graph."""

    def __init__(self, step: dict, out_key: str, canvas: tuple[int, int],
                 clip_len: int, num_joints: int) -> None:
        super().__init__(out_key, step.get('scaling', 1.), canvas,
                         step.get('use_score', True))
        from mmaction_pose.datasets.transforms.pose_target import \
            MMACTION_SKELETONS
        self.sigma = float(step.get('sigma', 0.6))
        self.with_kp = bool(step.get('with_kp', True))
        self.with_limb = bool(step.get('with_limb', False))
        self.skeletons = tuple(
            tuple(int(j) for j in s)
            for s in step.get('skeletons', MMACTION_SKELETONS))
        self.clip_len = clip_len
        self.flip_index = None
        if step.get('double', False):
            lr = {k: tuple(int(j) for j in step.get(k, v))
                  for k, v in _DEFAULT_KP.items()}
            self.flip_index = heatmap_flip_index(
                num_joints, len(self.skeletons), self.with_kp,
                self.with_limb, lr['left_kp'], lr['right_kp'],
                lr['left_limb'], lr['right_limb'])

    def forward(self, keypoint: Tensor, score: Tensor) -> Tensor:
        keypoint, score = self.inputs(keypoint, score)
        h, w = self.size
        maps = []
        if self.with_kp:
            maps.append(keypoint_heatmaps(keypoint, score, h, w, self.sigma,
                                          EPS))
        if self.with_limb:
            maps.append(limb_heatmaps(keypoint, score, self.skeletons, h, w,
                                      self.sigma, EPS))
        views = _views(torch.cat(maps, 1) if len(maps) > 1 else maps[0],
                       self.clip_len)
        if self.flip_index is None:
            return views
        return torch.cat([views, flip_maps(views, self.flip_index)], 1)


class PafStep(_MapStep):
    """``GeneratePartAffinityFields`` in the graph."""

    def __init__(self, step: dict, canvas: tuple[int, int],
                 clip_len: int) -> None:
        super().__init__(step.get('out_key', 'imgs'), step.get('scaling', 1.),
                         canvas, True)
        layout = get_layout(step['layout'])
        self.limbs = tuple(tuple(int(j) for j in limb)
                           for limb in layout.limbs)
        self.limb_width = float(step.get('limb_width', 1.))
        self.paf_use_score = bool(step.get('use_score', False))
        self.eps = float(step.get('eps', 1e-3))
        self.clip_len = clip_len
        self.flip = None
        if step.get('double', False):
            src, sign = paf_flip_params(self.limbs, layout.flip_index)
            self.flip = ([int(i) for i in src], [float(s) for s in sign])

    def forward(self, keypoint: Tensor, score: Tensor) -> Tensor:
        keypoint, score = self.inputs(keypoint, score)
        h, w = self.size
        fields = part_affinity_fields(keypoint, score, self.limbs, h, w,
                                      self.limb_width, self.paf_use_score,
                                      self.eps)
        views = _views(fields, self.clip_len)
        if self.flip is None:
            return views
        return torch.cat([views, flip_fields(views, *self.flip)], 1)


class KeypointMaps(nn.Module):
    """The map tail of a test pipeline: keypoints -> the model's inputs.

    Args:
        tail: The steps from the first map step on (:func:`split_pipeline`).
        canvas: ``(H, W)`` of the keypoints (``img_shape`` after the head).
        clip_len: Pose frames per clip.
        num_joints: ``V``.
        with_rgb: The pipeline also carries RGB ``imgs`` (RGBPose): a
            ``GeneratePoseTarget`` without ``out_key`` then writes
            ``heatmap_imgs``, as in mmaction2.

    ``forward(keypoint (N, M, K*T, V, 2), score (N, M, K*T, V))`` returns
    ``{key: (N, views, C, T, H', W')}``.
    """

    def __init__(self, tail: Sequence[dict], canvas: tuple[int, int],
                 clip_len: int, num_joints: int,
                 with_rgb: bool = False) -> None:
        super().__init__()
        self.renderers = nn.ModuleList()
        self.diffs: list[tuple[str, str]] = []
        produced = {'imgs'} if with_rgb else set()
        for step in tail:
            kind = step_type(step)
            if kind in ('GeneratePoseTarget', 'PackPoseKeypoints'):
                key = step.get('out_key') or (
                    'heatmap_imgs' if 'imgs' in produced else 'imgs')
                self.renderers.append(
                    HeatmapStep(step, key, canvas, clip_len, num_joints))
            elif kind == 'GeneratePartAffinityFields':
                self.renderers.append(PafStep(step, canvas, clip_len))
            elif kind == 'PoseTemporalDifference':
                in_key = step.get('in_key', 'imgs')
                self.diffs.append((in_key, step.get('out_key') or in_key))
                continue
            else:
                continue
            produced.add(self.renderers[-1].out_key)
        self.keys = tuple(sorted(
            {r.out_key for r in self.renderers} | {o for _, o in self.diffs}))

    def forward(self, keypoint: Tensor, score: Tensor) -> dict[str, Tensor]:
        maps = {}
        for renderer in self.renderers:
            maps[renderer.out_key] = renderer(keypoint, score)
        for in_key, out_key in self.diffs:
            x = maps[in_key]
            maps[out_key] = x[:, :, :, 1:] - x[:, :, :, :-1]
        return maps
