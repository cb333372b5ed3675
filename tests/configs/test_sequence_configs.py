# Copyright (c) mmaction-pose. All rights reserved.
"""The GCN (configs/gcn/), 1D baseline (configs/baseline1d/) and custom
PoseC3D configs: layouts, splits and streams follow the file names, and one
config per family trains and tests a step on tiny generated data."""
from __future__ import annotations

import pickle
import re
from pathlib import Path
from unittest.mock import MagicMock

import numpy as np
import pytest
from mmengine.config import Config
from mmengine.dataset import pseudo_collate

from mmaction_pose.registry import DATASETS, MODELS
from mmaction_pose.structures import gcn_layout

CONFIGS = Path(__file__).resolve().parents[2] / 'configs'
GCN = sorted((CONFIGS / 'gcn').glob('*.py'))
BASELINE = sorted((CONFIGS / 'baseline1d').glob('*.py'))
IDS = [p.stem for p in GCN]


def inner(dataset: dict) -> dict:
    while 'pipeline' not in dataset:
        dataset = dataset['dataset']
    return dataset


def test_every_requested_leaf_exists():
    names = {p.stem for p in GCN}
    assert {'stgcnpp_penn_action_joint', 'stgcnpp_penn_action_bone',
            'agcn_penn_action_joint', 'agcn_nucla_xview3_joint'} <= names
    for v in (1, 2, 3):
        for stream in ('joint', 'bone'):
            assert f'stgcnpp_nucla_xview{v}_{stream}' in names
    assert {p.stem for p in BASELINE} == {
        f'baseline1d_{name}' for name in (
            'penn_action', 'nucla_xview1', 'nucla_xview2', 'nucla_xview3')}


@pytest.mark.parametrize('path', GCN, ids=IDS)
def test_gcn_leaf_graph_stream_and_splits_follow_its_name(path):
    cfg = Config.fromfile(str(path))
    layout = 'kinect20' if 'nucla' in path.stem else 'penn13'
    assert cfg.layout == layout
    assert cfg.model.backbone.graph_cfg.layout == gcn_layout(layout)
    assert cfg.model.cls_head.num_classes == (10 if layout == 'kinect20'
                                              else 15)
    bone = path.stem.endswith('_bone')
    view = re.search(r'xview(\d)', path.stem)
    for split in ('train', 'val', 'test'):
        data = inner(cfg[f'{split}_dataloader']['dataset'])
        steps = [s for s in data['pipeline']
                 if s['type'] == 'LayoutJointToBone']
        assert steps == ([dict(type='LayoutJointToBone', layout=layout)]
                         if bone else []), split
        if view:
            part = 'train' if split == 'train' else 'test'
            assert data['split'] == f'xview{view[1]}_{part}'
        else:
            assert data['split'] == ('train' if split == 'train' else 'test')
    assert path.read_text().startswith('# ')
    assert len(path.read_text().splitlines()) <= 40


@pytest.mark.parametrize('path', BASELINE, ids=[p.stem for p in BASELINE])
def test_baseline_leaf_follows_its_dataset(path):
    cfg = Config.fromfile(str(path))
    assert cfg.model.backbone.type == 'TemporalCNN1D'
    assert cfg.model.backbone.num_joints == cfg.num_joints
    view = re.search(r'xview(\d)', path.stem)
    split = inner(cfg.test_dataloader.dataset)['split']
    assert split == (f'xview{view[1]}_test' if view else 'test')


def tiny_pickle(path: Path, num_joints: int, splits: dict[str, int],
                num_classes: int) -> Path:
    """Random single-person clips (img 480x640) in the named splits."""
    rng = np.random.default_rng(0)
    annos, split = [], {}
    for name, count in splits.items():
        split[name] = []
        for i in range(count):
            frames = int(rng.integers(12, 30))
            kp = rng.uniform(100, 400, (1, frames, num_joints, 2))
            annos.append(dict(
                frame_dir=f'{name}_{i}', label=i % num_classes,
                total_frames=frames, img_shape=(480, 640),
                original_shape=(480, 640), keypoint=kp.astype(np.float32),
                keypoint_score=np.ones((1, frames, num_joints), np.float32)))
            split[name].append(f'{name}_{i}')
    with open(path, 'wb') as f:
        pickle.dump(dict(split=split, annotations=annos), f)
    return path


@pytest.mark.parametrize('rel', [
    'gcn/stgcnpp_penn_action_bone.py', 'gcn/agcn_nucla_xview3_joint.py',
    'baseline1d/baseline1d_nucla_xview3.py',
    'posec3d/custom_example_nucla_xview3.py'
])
def test_train_and_val_step(rel, tmp_path):
    cfg = Config.fromfile(str(CONFIGS / rel))
    loaders = {s: inner(cfg[f'{s}_dataloader']['dataset'])
               for s in ('train', 'val')}
    ann = tiny_pickle(tmp_path / 'tiny.pkl', cfg.num_joints,
                      {d['split']: 2 for d in loaders.values()},
                      cfg.num_classes)
    model = MODELS.build(cfg.model)
    samples = {}
    for split, data in loaders.items():
        dataset = DATASETS.build(dict(data, ann_file=str(ann)))
        samples[split] = pseudo_collate([dataset[0], dataset[1]])
    optim_wrapper = MagicMock()
    losses = model.train_step(samples['train'], optim_wrapper)
    assert np.isfinite(losses['loss'].item())
    optim_wrapper.update_params.assert_called_once()
    model.eval()
    out = model.test_step(samples['val'])
    assert len(out) == 2
    assert out[0].pred_score.shape == (cfg.num_classes, )
