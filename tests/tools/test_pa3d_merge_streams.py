# Copyright (c) mmaction-pose. All rights reserved.
"""tools/analysis_tools/pa3d_merge_streams.py: single-stream PA3D weights
load strictly into PA3DScoreFusionRecognizer and give the same scores."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import torch

from mmaction_pose.registry import MODELS

TOOL = (Path(__file__).resolve().parents[2] / 'tools' / 'analysis_tools' /
        'pa3d_merge_streams.py')
CNN = dict(channels=(4, 8, 16))


def _merge_fn():
    spec = importlib.util.spec_from_file_location('pa3d_merge', TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.merge_stream_state_dicts


def _parts(v: int, t: int) -> dict:
    return dict(backbone=dict(type='PA3D', in_channels=v, num_frames=t,
                              cnn_cfg=CNN),
                cls_head=dict(type='I3DHead', in_channels=16, num_classes=3))


def _single(v: int, t: int):
    return MODELS.build(dict(type='Recognizer3D', **_parts(v, t))).eval()


def test_merged_weights_reproduce_each_stream():
    singles = dict(imgs=_single(5, 4), jdiff_imgs=_single(5, 3))
    fusion = MODELS.build(dict(
        type='PA3DScoreFusionRecognizer',
        streams=dict(imgs=_parts(5, 4), jdiff_imgs=_parts(5, 3)))).eval()
    merged = _merge_fn()({k: m.state_dict() for k, m in singles.items()})
    fusion.load_state_dict(merged, strict=True)
    x = dict(imgs=torch.rand(2, 1, 5, 4, 8, 8),
             jdiff_imgs=torch.rand(2, 1, 5, 3, 8, 8))
    with torch.no_grad():
        logits = fusion(x, mode='tensor')
        for key, model in singles.items():
            torch.testing.assert_close(logits[key],
                                       model(x[key], mode='tensor',
                                             stage='head'))


def test_merge_rejects_foreign_weights():
    with pytest.raises(KeyError, match='unexpected weight'):
        _merge_fn()(dict(imgs={'neck.weight': torch.zeros(1)}))
