# Copyright (c) mmaction-pose. All rights reserved.
"""The one-line switch to heatmaps rendered on the model's device.

Every PoseConv3D leaf whose dataset base renders heatmaps in the dataloader
(the base's pipelines end with GeneratePoseTarget, FormatShape
('NCTHW_Heatmap') and PackActionInputs) switches by listing that base's
``*_device.py`` twin instead. Switched, the leaf builds every pipeline step
and a model whose data preprocessor is ``PoseHeatmapPreprocessor``, and
differs from the leaf only in the heatmap steps, which became
``PackPoseKeypoints`` with the renderer's arguments.
"""
from __future__ import annotations

import ast
import copy
import random
from pathlib import Path

import numpy as np
import pytest
import torch
from mmaction.models import ActionDataPreprocessor
from mmengine.config import Config
from mmengine.dataset import pseudo_collate

from mmaction_pose.models.data_preprocessors import PoseHeatmapPreprocessor
from mmaction_pose.registry import DATASETS, MODELS, TRANSFORMS

CONFIGS = Path(__file__).resolve().parents[2] / 'configs'
DATASETS_DIR = CONFIGS / '_base_' / 'datasets'
SPLITS = ('train', 'val', 'test')


def base_node(text: str) -> ast.Assign | None:
    """The ``_base_ = ...`` statement of a config's source."""
    for node in ast.parse(text).body:
        if isinstance(node, ast.Assign) and \
                [getattr(t, 'id', None) for t in node.targets] == ['_base_']:
            return node
    return None


def base_entries(path: Path) -> list[Path]:
    """The files a config's ``_base_`` lists, resolved."""
    node = base_node(path.read_text())
    if node is None:
        return []
    entries = ast.literal_eval(node.value)
    entries = [entries] if isinstance(entries, str) else entries
    return [(path.parent / e).resolve() for e in entries]


def dataset_base(leaf: Path) -> Path | None:
    """The dataset base a leaf lists itself (None: it inherits one)."""
    found = [p for p in base_entries(leaf) if p.parent == DATASETS_DIR]
    assert len(found) <= 1, found
    return found[0] if found else None


def pipeline(cfg: Config, split: str) -> list:
    dataset = cfg[f'{split}_dataloader']['dataset']
    while 'pipeline' not in dataset:
        dataset = dataset['dataset']  # RepeatDataset
    return dataset['pipeline']


HEATMAP_STEPS = ['GeneratePoseTarget', 'FormatShape', 'PackActionInputs']


def renders_in_dataloader(cfg: Config) -> bool:
    tails = [pipeline(cfg, split)[-3:] for split in SPLITS]
    return all([s['type'] for s in tail] == HEATMAP_STEPS
               and tail[1]['input_format'] == 'NCTHW_Heatmap'
               for tail in tails)


def without_pipeline(cfg: Config, split: str) -> dict:
    loader = copy.deepcopy(cfg[f'{split}_dataloader'])
    dataset = loader['dataset']
    while 'pipeline' not in dataset:
        dataset = dataset['dataset']
    dataset.pop('pipeline')
    return loader


def twin(base: Path) -> Path:
    return base.with_name(f'{base.stem}_device.py')


def switched(leaf: Path, tmp_path: Path) -> Config:
    """``leaf`` with its dataset base replaced by the base's twin: the one
    line a user changes (written with absolute paths to ``tmp_path``)."""
    entries = [
        twin(p) if p == dataset_base(leaf) else p for p in base_entries(leaf)
    ]
    text = leaf.read_text()
    node = base_node(text)
    lines = text.splitlines()
    new = f'_base_ = {[str(p) for p in entries]!r}'
    lines[node.lineno - 1:node.end_lineno] = [new]
    copy_ = tmp_path / leaf.name
    copy_.write_text('\n'.join(lines) + '\n')
    return Config.fromfile(str(copy_))


def device_transform(steps: list) -> list:
    """The documented switch: the three heatmap steps become one
    ``PackPoseKeypoints`` with the renderer's arguments."""
    return [*steps[:-3], {**steps[-3], 'type': 'PackPoseKeypoints'}]


def _heatmap_leaves() -> list[Path]:
    leaves = []
    paths = [
        *(CONFIGS / 'posec3d').glob('*.py'),
        *(CONFIGS / 'rgbpose_conv3d').glob('*.py')
    ]
    for leaf in sorted(paths):
        base = dataset_base(leaf)
        if base is not None and not base.stem.endswith('_device') and \
                renders_in_dataloader(Config.fromfile(str(base))):
            leaves.append(leaf)
    return leaves


HEATMAP_LEAVES = _heatmap_leaves()
TWINS = sorted(DATASETS_DIR.glob('*_device.py'))


def test_every_posec3d_leaf_is_covered():
    """No PoseConv3D leaf escapes the switch test: each lists a
    dataloader-rendering dataset base (tested below) or a ``_device`` twin,
    or inherits a leaf that does."""

    def covered(leaf: Path) -> bool:
        base = dataset_base(leaf)
        if base is not None:
            return leaf in HEATMAP_LEAVES or base.stem.endswith('_device')
        return any(
            covered(p) for p in base_entries(leaf) if p.parent == leaf.parent)

    leaves = sorted((CONFIGS / 'posec3d').glob('*.py'))
    assert [p.name for p in leaves if not covered(p)] == []


@pytest.mark.parametrize(
    'leaf',
    HEATMAP_LEAVES,
    ids=[str(p.relative_to(CONFIGS)) for p in HEATMAP_LEAVES])
def test_leaf_switches_with_one_line(leaf, tmp_path):
    base = dataset_base(leaf)
    assert twin(base).exists(), f'{base.name} has no `_device` twin'
    host = Config.fromfile(str(leaf))
    cfg = switched(leaf, tmp_path)

    assert cfg.data_preprocessor == dict(type='PoseHeatmapPreprocessor')
    for split in SPLITS:
        steps = pipeline(cfg, split)
        assert steps == device_transform(pipeline(host, split)), split
        for step in steps:
            TRANSFORMS.build(step)
        # Nothing else of the dataloader changes.
        assert without_pipeline(cfg, split) == without_pipeline(host, split)
    assert cfg.model == host.model
    for key in ('optim_wrapper', 'param_scheduler', 'train_cfg'):
        assert cfg.get(key) == host.get(key), key

    # Runner.from_cfg puts the top-level data_preprocessor into the model.
    model_cfg = copy.deepcopy(cfg.model)
    model_cfg.setdefault('data_preprocessor', cfg.data_preprocessor)
    model = MODELS.build(model_cfg)
    assert isinstance(model.data_preprocessor, PoseHeatmapPreprocessor)


@pytest.mark.parametrize('path', TWINS, ids=[p.name for p in TWINS])
def test_twin_is_its_base_on_the_device(path):
    cfg = Config.fromfile(str(path))
    base_path = path.with_name(path.name.replace('_device.py', '.py'))
    base = Config.fromfile(str(base_path))
    assert renders_in_dataloader(base)
    assert cfg.data_preprocessor == dict(type='PoseHeatmapPreprocessor')
    for split in SPLITS:
        assert cfg[f'{split}_pipeline'] == pipeline(cfg, split)
        assert pipeline(cfg, split) == device_transform(pipeline(base, split))


def _samples(cfg: Config, split: str, ann_file: Path, n: int = 2) -> list:
    """``split``'s pipeline on the first ``n`` synthetic samples, seeded."""
    dataset_cfg = copy.deepcopy(cfg[f'{split}_dataloader']['dataset'])
    inner = dataset_cfg
    while 'pipeline' not in inner:
        inner = inner['dataset']
    inner.update(
        ann_file=str(ann_file), split='train' if split == 'train' else 'test')
    dataset = DATASETS.build(dataset_cfg)
    out = []
    for i in range(n):
        np.random.seed(i)
        random.seed(i)  # RandomResizedCrop draws from both
        out.append(dataset[i])
    return out


@pytest.mark.parametrize('base', [
    'ntu60_xsub_keypoint', 'ntu60_xsub_limb', 'ucf101_split1_limb',
    'ntu60_xsub_keypoint_u32'
])
@pytest.mark.parametrize('split', ['train', 'val'])
def test_twin_renders_what_the_dataloader_did(base, split, synthetic_pkl):
    """End to end on the synthetic COCO-17 poses: the twin's keypoints,
    rendered by PoseHeatmapPreprocessor, equal the base's heatmap volumes."""
    host = Config.fromfile(str(DATASETS_DIR / f'{base}.py'))
    cfg = Config.fromfile(str(DATASETS_DIR / f'{base}_device.py'))
    host_batch = pseudo_collate(_samples(host, split, synthetic_pkl))
    ref = ActionDataPreprocessor(format_shape='NCTHW')(host_batch)['inputs']
    batch = pseudo_collate(_samples(cfg, split, synthetic_pkl))
    out = MODELS.build(cfg.data_preprocessor)(batch)['inputs']
    assert out.shape == ref.shape
    torch.testing.assert_close(out, ref, atol=1e-5, rtol=0)
