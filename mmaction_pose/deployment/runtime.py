# Copyright (c) mmaction-pose. All rights reserved.
"""Run an exported model with onnxruntime (CPU), no checkpoint needed.

The ``.onnx`` written by :func:`~.export.export_onnx` carries its config,
input mode, canvas and class names (``mmaction_pose.*`` metadata), so
:class:`OnnxSession` rebuilds the matching
:class:`~.pipeline.DeployPipeline` from the file alone.
"""
from __future__ import annotations

import json
import os.path as osp
from typing import Any

import numpy as np

from .export import META_PREFIX, heatmap_pipeline
from .keypoint_maps import pipeline_flips
from .pipeline import DeployPipeline


def read_metadata(path: str) -> dict[str, str]:
    """The ``mmaction_pose.*`` metadata of an exported model.

    Raises:
        FileNotFoundError, ValueError: missing file, or not our export.
    """
    import onnxruntime as ort
    if not osp.isfile(path):
        raise FileNotFoundError(f'ONNX model not found: {path}')
    options = ort.SessionOptions()
    options.graph_optimization_level = \
        ort.GraphOptimizationLevel.ORT_DISABLE_ALL
    meta = ort.InferenceSession(
        path, options, providers=['CPUExecutionProvider']
    ).get_modelmeta().custom_metadata_map
    out = {k[len(META_PREFIX):]: v for k, v in meta.items()
           if k.startswith(META_PREFIX)}
    if 'input_mode' not in out:
        raise ValueError(f'{path} was not written by '
                         'tools/deployment/export_onnx.py (no '
                         f'{META_PREFIX}input_mode metadata)')
    return out


def run_session(session: Any, feed: dict[str, np.ndarray],
                outputs: tuple[str, ...]) -> dict[str, np.ndarray]:
    """``session.run`` on the inputs the graph kept (an unused input, e.g.
    the scores of a PAF model without ``use_score``, is dropped at export).
    """
    names = {i.name for i in session.get_inputs()}
    return dict(zip(outputs, session.run(
        list(outputs), {k: v for k, v in feed.items() if k in names})))


class OnnxSession:
    """An exported model and the pipeline part that runs outside it.

    Args:
        path: ``.onnx`` file from ``tools/deployment/export_onnx.py``.
        pipeline: The adapted test pipeline (``SkeletonRecognizer``'s); its
            flip must match a keypoint-input graph's.
        with_rgb: The pipeline decodes RGB frames.
        num_threads: onnxruntime intra-op threads (default: its own).

    Attributes:
        meta: The metadata; ``meta['config']`` is the config text.
    """

    def __init__(self, path: str, pipeline: list[dict], with_rgb: bool,
                 num_threads: int | None = None) -> None:
        import onnxruntime as ort
        self.meta = read_metadata(path)
        self.input_mode = self.meta['input_mode']
        self.input_names = tuple(json.loads(self.meta['input_names']))
        self.output_names = tuple(json.loads(self.meta['output_names']))
        if self.input_mode == 'keypoint':
            flips = pipeline_flips(pipeline)
            graph_flip = json.loads(self.meta['flip'])
            if flips and flips != {graph_flip}:
                raise ValueError(
                    f'{path} renders {"with" if graph_flip else "without"} '
                    'the flipped view inside the graph, this pipeline '
                    f'{"does not flip" if graph_flip else "flips"}: export '
                    'it again with '
                    f'{"--no-flip" if graph_flip else "--flip"}')
            keys = ()
        else:
            pipeline = heatmap_pipeline(pipeline)
            keys = self.input_names
        canvas = json.loads(self.meta.get('canvas', 'null'))
        self.pipeline = DeployPipeline(pipeline, self.input_mode, keys,
                                       with_rgb=with_rgb,
                                       canvas=canvas and tuple(canvas))
        if self.pipeline.input_names != self.input_names:
            raise ValueError(f'{path} takes {self.input_names}, the '
                             f'pipeline gives {self.pipeline.input_names}')
        options = ort.SessionOptions()
        if num_threads:
            options.intra_op_num_threads = num_threads
        # Idle worker threads sleep instead of spinning: the demos run pose
        # estimation in another thread on the same cores.
        options.add_session_config_entry('session.intra_op.allow_spinning',
                                         '0')
        self.session = ort.InferenceSession(
            path, options, providers=['CPUExecutionProvider'])

    def run(self, feed: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
        """Outputs ``{name: (N, K)}`` of a ready feed."""
        return run_session(self.session, feed, self.output_names)

    def predict(self, data: dict) -> dict[str, np.ndarray]:
        """Outputs ``{name: (K,)}`` of one sample's results dict."""
        return self.predict_with_meta(data)[0]

    def predict_with_meta(self, data: dict
                          ) -> tuple[dict[str, np.ndarray], dict]:
        """:meth:`predict` (one sample's outputs without the batch axis:
        ``scores (K,)``, RPAN's ``attention (T, J, K1, K2)``) and the
        sample's meta information (:meth:`DeployPipeline.prepare`)."""
        feed, meta = self.pipeline.prepare(data)
        return {k: v[0] for k, v in self.run(feed).items()}, meta


def config_from_onnx(path: str) -> Any:
    """The ``mmengine.Config`` stored in an exported model."""
    from mmengine.config import Config
    return Config.fromstring(read_metadata(path)['config'], '.py')
