# Copyright (c) mmaction-pose. All rights reserved.
"""PA3D config models: train_step and test_step on tiny synthetic inputs
(single stream, ∪ fusion, ⊕ concatenation, Charades multi-label)."""
from __future__ import annotations

from pathlib import Path
from unittest.mock import MagicMock

import pytest
import torch
from mmaction.structures import ActionDataSample
from mmengine.config import Config
from mmengine.dataset import pseudo_collate

from mmaction_pose.registry import MODELS

CONFIGS = Path(__file__).resolve().parents[3] / 'configs' / 'pa3d'
# config stem suffix -> {input key: (C, T)} at 16x16
CASES = {
    'penn-action-joint': {None: (13, 8)},
    'penn-action-jdiff': {None: (13, 7)},
    'penn-action-joint-paf-jdiff': dict(
        imgs=(13, 8), paf_imgs=(28, 8), jdiff_imgs=(13, 7)),
    'jhmdb-split1-joint-cat-paf': dict(imgs=(17, 4), paf_imgs=(34, 4)),
    'charades-feature': {None: (32, 8)},
}


def _config(suffix: str) -> Config:
    (path, ) = CONFIGS.glob(f'pa3d_*_{suffix}.py')
    return Config.fromfile(str(path))


def _batch(shapes: dict, num_clips: int, label) -> dict:
    def inputs():
        maps = {k: torch.rand(num_clips, c, t, 16, 16)
                for k, (c, t) in shapes.items()}
        return maps[None] if None in maps else maps
    return pseudo_collate([
        dict(inputs=inputs(),
             data_samples=ActionDataSample().set_gt_label(label))
        for _ in range(2)
    ])


@pytest.mark.parametrize('suffix', CASES)
def test_pa3d_config_train_and_test_step(suffix):
    cfg = _config(suffix)
    model = MODELS.build(cfg.model)
    num_classes = cfg.num_classes
    label = torch.zeros(num_classes) if 'charades' in suffix else 1
    if 'charades' in suffix:
        label[[3, 7]] = 1
    losses = model.train_step(_batch(CASES[suffix], 1, label), MagicMock())
    assert all(torch.isfinite(v).all() for v in losses.values())
    model.eval()
    out = model.test_step(_batch(CASES[suffix], 2, label))
    assert [tuple(s.pred_score.shape) for s in out] == [(num_classes, )] * 2
