# Copyright (c) mmaction-pose. All rights reserved.
"""ONNX deployment: export with heatmap or keypoint inputs, onnxruntime."""
from .exportable import ExportableRecognizer, KeypointInputRecognizer
from .keypoint_maps import KeypointMaps, split_pipeline
from .pipeline import INPUT_MODES, DeployPipeline

__all__ = [
    'DeployPipeline', 'ExportableRecognizer', 'INPUT_MODES',
    'KeypointInputRecognizer', 'KeypointMaps', 'split_pipeline'
]
