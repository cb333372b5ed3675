# Copyright (c) mmaction-pose. All rights reserved.
"""Export a recognizer to ONNX with heatmap or keypoint inputs.

``export_onnx(config, checkpoint, out, input_mode)`` builds the model,
runs the test pipeline on a synthetic sample to get the input shapes,
traces :class:`~.exportable.ExportableRecognizer` (heatmap input) or
:class:`~.exportable.KeypointInputRecognizer` (keypoint input: the map
rendering inside the graph), checks the file with ``onnx.checker``, stores
what the runtime needs in the model's metadata (the config, the input
mode, the canvas, the class names) and compares onnxruntime with the
PyTorch ``test_step`` on that sample.

Dynamic axes: ``batch`` everywhere; heatmap inputs ``views`` (crops ×
clips; for 2D models such as RPAN ``views × segments`` in multiples of
the head's ``num_steps``, fixed without it); keypoint inputs ``persons``
and ``frames`` (``clips × clip_len``); RGB clips ``views``.

RGB-only models (RPAN: ``Recognizer2D`` + ``RPANHead``; its pose is a
training signal) take no keypoints: their test pipeline renders no pose
maps, so they export in ``heatmap`` mode (the network input, here the
frames ``imgs (N, views*segments, 3, H, W)``), the default for them.
"""
from __future__ import annotations

import json
import os.path as osp
import warnings
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .pipeline import DeployPipeline
from .keypoint_maps import pipeline_flips, step_type

DEFAULT_OPSET = 17
META_PREFIX = 'mmaction_pose.'


def synthetic_sample(num_joints: int, num_frames: int = 64,
                     img_shape: tuple[int, int] = (240, 320),
                     with_rgb: bool = False, seed: int = 0) -> dict:
    """A one-person clip moving in a ``img_shape`` frame (export example).

    Joints scatter around a drifting centre, scores in ``[0.3, 1]``; with
    ``with_rgb`` random uint8 RGB frames.
    """
    rng = np.random.default_rng(seed)
    h, w = img_shape
    centre = np.array([w / 2, h / 2]) + np.cumsum(
        rng.normal(0, 2, (num_frames, 2)), 0)
    offsets = rng.uniform(-0.25, 0.25, (num_joints, 2)) * [w, h]
    kp = centre[:, None] + offsets + rng.normal(0, 2,
                                                (num_frames, num_joints, 2))
    data = dict(frame_dir='synthetic', label=-1, img_shape=(h, w),
                original_shape=(h, w), start_index=0, modality='Pose',
                total_frames=num_frames,
                keypoint=kp[None].astype(np.float32),
                keypoint_score=rng.uniform(0.3, 1, (1, num_frames,
                                                    num_joints)).astype(
                                                        np.float32))
    if with_rgb:
        data['frames'] = rng.integers(0, 256, (num_frames, h, w, 3),
                                      dtype=np.uint8)
    return data


def heatmap_pipeline(pipeline: list[dict]) -> list[dict]:
    """Device-rendering pipelines (``PackPoseKeypoints``) as dataloader ones.

    ``PackPoseKeypoints(**args)`` -> ``GeneratePoseTarget(**args)``,
    ``FormatShape('NCTHW_Heatmap')``, ``PackActionInputs()``: the heatmap
    volumes ``PoseHeatmapPreprocessor`` would render.
    """
    out = []
    for step in pipeline:
        if step_type(step) == 'PackPoseKeypoints':
            args = {k: v for k, v in step.items()
                    if k not in ('type', 'meta_keys', 'algorithm_keys')}
            out += [dict(type='GeneratePoseTarget', **args),
                    dict(type='FormatShape', input_format='NCTHW_Heatmap'),
                    dict(type='PackActionInputs')]
        else:
            out.append(step)
    return out


def torch_scores(model: Any, pipeline: Any, data: dict) -> dict[str, Any]:
    """``test_step`` scores of one sample, named like the ONNX outputs."""
    import copy

    import torch
    from mmengine.dataset import pseudo_collate
    with torch.no_grad():
        result = model.test_step(pseudo_collate([pipeline(copy.copy(data))]))
    sample = result[0]
    pred = sample.pred_score
    if isinstance(pred, dict):  # RGBPoseHead
        out = {f'scores_{k}': v.cpu().numpy() for k, v in pred.items()}
        out['scores'] = np.mean([out['scores_rgb'], out['scores_pose']], 0)
        return out
    out = dict(scores=pred.cpu().numpy())
    if 'pred_attention' in sample:  # RPANHead: (T, J, K1, K2), view 0
        out['attention'] = sample.pred_attention.cpu().numpy()
    for key in sample.keys():
        if key.startswith('pred_score_'):
            out['scores_' + key[len('pred_score_'):]] = \
                sample.get(key).cpu().numpy()
    return out


@dataclass
class ExportResult:
    """What :func:`export_onnx` wrote and measured."""
    path: str
    input_mode: str
    input_names: tuple[str, ...]
    output_names: tuple[str, ...]
    input_shapes: dict[str, tuple[int, ...]]
    opset: int
    max_abs_diff: dict[str, float] = field(default_factory=dict)
    top1_equal: bool = True
    size_mb: float = 0.


def _dynamic_axes(names: tuple[str, ...], input_mode: str,
                  outputs: tuple[str, ...], dynamic_views: bool) -> dict:
    axes = {}
    for name in names:
        if input_mode == 'keypoint' and name in ('keypoint',
                                                 'keypoint_score'):
            axes[name] = {0: 'batch', 1: 'persons', 2: 'frames'}
        elif dynamic_views:
            axes[name] = {0: 'batch', 1: 'views'}
        else:
            axes[name] = {0: 'batch'}
    axes.update({name: {0: 'batch'} for name in outputs})
    return axes


def default_input_mode(pipeline: list[dict]) -> str:
    """``'keypoint'`` when the test pipeline renders pose maps from
    keypoints (PoseC3D, PA3D, RGBPose), else ``'heatmap'`` (the network
    input as packed: RPAN's RGB frames)."""
    return 'keypoint' if pipeline_flips(pipeline) else 'heatmap'


def _check_input_mode(input_mode: str, pipeline: list[dict],
                      kind: str) -> None:
    """Keypoint input needs a pipeline that renders maps from keypoints."""
    if input_mode == 'keypoint' and not pipeline_flips(pipeline):
        raise ValueError(
            f'--input keypoint: this {kind} model takes no keypoints at '
            'test time (RPAN uses the pose only in its training loss: its '
            'test pipeline renders no pose maps); export it with --input '
            'heatmap, its default, whose input is the 0-255 RGB frames')


def export_onnx(config: Any, checkpoint: str | None, out: str,
                input_mode: str | None = None, opset: int = DEFAULT_OPSET,
                num_clips: int | None = None, flip: bool | None = None,
                label_map: str | None = None, verify: bool = True,
                seed: int = 0) -> ExportResult:
    """Export ``config`` + ``checkpoint`` to ``out`` (see module doc).

    Args:
        config: Config path or ``Config``.
        checkpoint: Weights (``None``: random, for tests).
        out: Output ``.onnx`` path.
        input_mode: ``'keypoint'`` or ``'heatmap'``; ``None``:
            :func:`default_input_mode` of the test pipeline.
        opset: ONNX opset.
        num_clips: Test clips of the example and of the stored pipeline
            (default: the config's); the graph takes any clip count.
        flip: Test-time flip (``double``) of the stored pipeline; in
            keypoint mode it is part of the graph. ``None``: the config's.
        label_map: Class names stored in the model (default: found next to
            the checkpoint / annotations, as the demos do).
        verify: Compare onnxruntime with PyTorch on the example.
        seed: Seed of the synthetic example.
    """
    import onnx
    import torch

    from mmaction_pose.apis.inference import (SkeletonRecognizer,
                                              model_layout)
    from .exportable import ExportableRecognizer, KeypointInputRecognizer

    rec = SkeletonRecognizer(config, checkpoint, label_map=label_map,
                             num_clips=num_clips, double=flip,
                             check_layout=False)
    cfg, model = rec.cfg, rec.model.eval()
    steps = rec.pipeline_cfg
    wrapper = ExportableRecognizer(model)
    if input_mode is None:
        input_mode = default_input_mode(steps)
    _check_input_mode(input_mode, steps, wrapper.kind)
    if input_mode == 'heatmap':
        steps = heatmap_pipeline(steps)
    deploy = DeployPipeline(steps, input_mode, wrapper.input_keys,
                            with_rgb=rec.uses_rgb)
    data = synthetic_sample(model_layout(cfg).num_joints,
                            with_rgb=rec.uses_rgb, seed=seed)
    canvas = None
    if input_mode == 'keypoint':
        head = deploy.head(data)
        canvas = tuple(int(x) for x in head['img_shape'])
        net = KeypointInputRecognizer(wrapper, deploy.keypoint_maps(head))
    else:
        net = wrapper
    net.eval()
    feed = deploy.feed(data)
    names = deploy.input_names
    args = tuple(torch.from_numpy(feed[k]) for k in names)
    outputs = net.output_names
    with warnings.catch_warnings():  # constant-index / deprecation notes
        warnings.simplefilter('ignore')
        torch.onnx.export(
            net, args, out, dynamo=False, input_names=list(names),
            output_names=list(outputs), opset_version=opset,
            do_constant_folding=True,
            dynamic_axes=_dynamic_axes(names, input_mode, outputs,
                                       wrapper.dynamic_views))
    graph = onnx.load(out)
    onnx.checker.check_model(graph)
    flip_used = True in pipeline_flips(steps)
    meta = dict(config=cfg.pretty_text, input_mode=input_mode,
                input_names=json.dumps(list(names)),
                output_names=json.dumps(list(outputs)),
                canvas=json.dumps(canvas), with_rgb=json.dumps(rec.uses_rgb),
                flip=json.dumps(flip_used),
                num_clips=json.dumps(num_clips),
                classes=json.dumps(rec.classes),
                checkpoint=osp.basename(checkpoint or 'random weights'),
                model_kind=wrapper.kind)
    for key, value in meta.items():
        entry = graph.metadata_props.add()
        entry.key, entry.value = META_PREFIX + key, str(value)
    onnx.save(graph, out)
    result = ExportResult(
        path=out, input_mode=input_mode, input_names=names,
        output_names=outputs, opset=opset,
        input_shapes={k: tuple(v.shape) for k, v in feed.items()},
        size_mb=osp.getsize(out) / 2**20)
    if verify:
        import onnxruntime as ort

        from .runtime import run_session
        session = ort.InferenceSession(out,
                                       providers=['CPUExecutionProvider'])
        got = run_session(session, feed, outputs)
        ref = torch_scores(model, rec.pipeline, data)
        result.max_abs_diff = {
            k: float(np.abs(got[k][0] - ref[k]).max())
            for k in outputs if k in ref}
        result.top1_equal = int(got['scores'][0].argmax()) == int(
            ref['scores'].argmax())
    return result
