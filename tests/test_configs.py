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


def _defines(path: Path, name: str) -> bool:
    """Whether the file itself assigns ``name`` (not only inherits it)."""
    import ast
    for node in ast.parse(path.read_text()).body:
        for target in getattr(node, 'targets', []):
            names = getattr(target, 'elts', [target])  # a, b = ...
            if name in [getattr(n, 'id', None) for n in names]:
                return True
    return False


def test_dataset_bases_do_not_repeat_a_train_pipeline():
    """No two files under configs/_base_/datasets/ define the same train
    pipeline: a variant inherits its base's pipeline or derives its own from
    the base's steps, it does not copy one. `*_device.py` twins repeat each
    other where their dataset bases share a recipe; each twin must be exactly
    its base with the heatmap steps (GeneratePoseTarget(**args), FormatShape,
    PackActionInputs) replaced by PackPoseKeypoints(**args), checked here."""
    defined = {}
    for path in sorted((CONFIG_DIR / '_base_' / 'datasets').rglob('*.py')):
        if not _defines(path, 'train_pipeline'):
            continue
        name = str(path.relative_to(CONFIG_DIR))
        pipeline = Config.fromfile(str(path)).to_dict()['train_pipeline']
        base = path.with_name(path.name.replace('_device.py', '.py'))
        if path.stem.endswith('_device') and base.exists():
            steps = Config.fromfile(str(base)).to_dict()['train_pipeline']
            packed = dict(steps[-3], type='PackPoseKeypoints')
            assert pipeline == [*steps[:-3], packed], name
            continue
        for other, other_pipeline in defined.items():
            assert pipeline != other_pipeline, (other, name)
        defined[name] = pipeline
    assert len(defined) > 1
