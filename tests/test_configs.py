# Copyright (c) mmaction-pose. All rights reserved.
"""Every leaf config under configs/ parses and builds its model and
pipelines, in our scope, without mmaction:: bases."""
from __future__ import annotations

from pathlib import Path

import pytest
from mmengine.config import Config

from mmaction_pose.registry import MODELS, TRANSFORMS

CONFIG_DIR = Path(__file__).resolve().parents[1] / 'configs'
LEAF_CONFIGS = sorted(
    p for p in CONFIG_DIR.rglob('*.py') if '_base_' not in p.parts)
IDS = [str(p.relative_to(CONFIG_DIR)) for p in LEAF_CONFIGS]


def _pipelines(cfg: Config):
    for split in ('train', 'val', 'test'):
        loader = cfg.get(f'{split}_dataloader')
        if not loader:
            continue
        dataset = loader['dataset']
        while 'pipeline' not in dataset and 'dataset' in dataset:
            dataset = dataset['dataset']  # RepeatDataset and friends
        for datasets in ([dataset] if 'pipeline' in dataset else
                         dataset.get('datasets', [])):
            yield split, datasets['pipeline']


def test_there_are_configs():
    assert LEAF_CONFIGS


@pytest.mark.parametrize('path', LEAF_CONFIGS, ids=IDS)
def test_config_parses_in_our_scope(path):
    text = path.read_text()
    assert 'mmaction::' not in text
    cfg = Config.fromfile(str(path))
    assert cfg.default_scope == 'mmaction_pose'
    assert 'mmaction_pose.registry' in cfg.custom_imports['imports']


@pytest.mark.parametrize('path', LEAF_CONFIGS, ids=IDS)
def test_config_builds_model(path):
    cfg = Config.fromfile(str(path))
    model = MODELS.build(cfg.model)
    assert sum(p.numel() for p in model.parameters()) > 0


@pytest.mark.parametrize('path', LEAF_CONFIGS, ids=IDS)
def test_config_builds_pipelines(path):
    cfg = Config.fromfile(str(path))
    n = 0
    for _, pipeline in _pipelines(cfg):
        for step in pipeline:
            TRANSFORMS.build(step)
            n += 1
    assert n > 0
