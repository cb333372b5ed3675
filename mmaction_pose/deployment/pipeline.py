# Copyright (c) mmaction-pose. All rights reserved.
"""What runs outside an exported model: the test pipeline, cut to its mode.

- ``heatmap`` input: the whole test pipeline; the network inputs are the
  packed maps ``(views, C, T, H, W)`` per key (mmaction2's deployment
  convention plus a views axis).
- ``keypoint`` input: only the geometric head (sampling, cropping,
  resizing); the feed is ``keypoint (M, K*T, V, 2)`` in canvas pixels and
  ``keypoint_score (M, K*T, V)``, plus the formatted RGB clips of RGB +
  pose models. The graph renders the rest
  (:mod:`~mmaction_pose.deployment.keypoint_maps`).

RGB-only models (RPAN) use the heatmap mode: their packed input is the
frames ``imgs (views*segments, 3, H, W)``.

Both take the results dict a dataset or ``SkeletonRecognizer`` builds and
return numpy arrays with a batch axis of 1, keyed by ONNX input name.
"""
from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

import numpy as np

from .keypoint_maps import KeypointMaps, split_pipeline, step_type

INPUT_MODES = ('heatmap', 'keypoint')


def _as_numpy(x: Any) -> np.ndarray:
    return x.detach().cpu().numpy() if hasattr(x, 'detach') else \
        np.asarray(x)


class DeployPipeline:
    """The test pipeline of a config, split for one input mode.

    Args:
        pipeline: Test pipeline step configs (already adapted: in-memory
            frame decoding etc.).
        input_mode: ``'heatmap'`` or ``'keypoint'``.
        input_keys: The model's map keys, in input order (heatmap mode).
        with_rgb: The pipeline decodes RGB frames (RGBPose).
        canvas: Keypoint mode: the ``(H, W)`` the graph was exported for;
            ``None`` accepts any (set at export time).
    """

    def __init__(self, pipeline: Sequence[dict], input_mode: str,
                 input_keys: Sequence[str], with_rgb: bool = False,
                 canvas: tuple[int, int] | None = None) -> None:
        from mmengine.dataset import Compose
        from mmengine.registry import DefaultScope
        if input_mode not in INPUT_MODES:
            raise ValueError(f'input_mode must be one of {INPUT_MODES}, got '
                             f'{input_mode!r}')
        self.input_mode = input_mode
        self.input_keys = tuple(input_keys)
        self.with_rgb = with_rgb
        self.canvas = None if canvas is None else tuple(canvas)
        steps = copy.deepcopy(list(pipeline))
        with DefaultScope.overwrite_default_scope('mmaction_pose'):
            if input_mode == 'heatmap':
                self.tail: list[dict] = []
                self.transform = Compose(steps)
                self.rgb_format = None
            else:
                head, self.tail = split_pipeline(steps)
                self.transform = Compose(head)
                fmt = [s for s in self.tail if step_type(s) == 'FormatShape']
                self.rgb_format = Compose(fmt[:1]) if with_rgb else None

    @property
    def input_names(self) -> tuple[str, ...]:
        """ONNX input names, in order."""
        if self.input_mode == 'heatmap':
            return self.input_keys
        return ('keypoint', 'keypoint_score') + (
            ('imgs', ) if self.with_rgb else ())

    def keypoint_maps(self, results: dict) -> KeypointMaps:
        """The in-graph renderer matching results of :meth:`head` (export)."""
        clip_len = results['clip_len']
        if isinstance(clip_len, dict):
            clip_len = clip_len['Pose']
        return KeypointMaps(self.tail, tuple(results['img_shape']),
                            int(clip_len), results['keypoint'].shape[2],
                            with_rgb=self.with_rgb)

    def head(self, data: dict) -> dict:
        """Run the pipeline part outside the graph on a copy of ``data``."""
        return self.transform(copy.copy(data))

    def feed(self, data: dict) -> dict[str, np.ndarray]:
        """ONNX inputs ``{name: (1, ...)}`` for one sample."""
        return self.prepare(data)[0]

    def prepare(self, data: dict) -> tuple[dict[str, np.ndarray], dict]:
        """:meth:`feed` and the sample's meta information: the packed
        data sample's ``metainfo`` (heatmap mode: ``img_shape``, RPAN's
        ``frame_inds``...), the results of :meth:`head` (keypoint mode)."""
        results = self.head(data)
        if self.input_mode == 'heatmap':
            inputs = results['inputs']
            if not isinstance(inputs, dict):
                inputs = {self.input_keys[0]: inputs}
            sample = results.get('data_samples')
            meta = {} if sample is None else dict(sample.metainfo)
            return {k: _as_numpy(inputs[k])[None].astype(np.float32)
                    for k in self.input_keys}, meta
        shape = tuple(int(x) for x in results['img_shape'])
        if self.canvas is not None and shape != self.canvas:
            raise ValueError(f'the keypoints are on a {shape} canvas, the '
                             f'ONNX model was exported for {self.canvas}')
        kp = np.asarray(results['keypoint'], np.float32)[..., :2]
        score = results.get('keypoint_score')
        score = np.ones(kp.shape[:-1], np.float32) if score is None else \
            np.asarray(score, np.float32)
        feed = dict(keypoint=kp[None], keypoint_score=score[None])
        if self.with_rgb:
            feed['imgs'] = np.asarray(self.rgb_format(results)['imgs'],
                                      np.float32)[None]
        return feed, results
