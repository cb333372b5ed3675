# Copyright (c) mmaction-pose. All rights reserved.
"""Shared fixtures: registration, default scope, seeds, tiny generated data."""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
import torch

import mmaction_pose  # noqa: F401  (compatibility shims first)

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / 'shared' / 'data'


def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: long-running test')
    config.addinivalue_line('markers', 'gpu: needs a CUDA device')
    torch.set_num_threads(2)
    from mmaction_pose.utils import register_all_modules
    register_all_modules(init_default_scope=False)


@pytest.fixture(autouse=True)
def _scope_and_seed():
    from mmengine.registry import DefaultScope
    torch.manual_seed(0)
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        yield


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture
def coco_pose(rng):
    """Two people, 8 frames, COCO-17 joints inside a 32x32 image."""
    kp = rng.uniform(4, 28, size=(2, 8, 17, 2)).astype(np.float32)
    return dict(keypoint=kp, keypoint_score=np.ones((2, 8, 17), np.float32),
                img_shape=(32, 32), total_frames=8, start_index=0)


def write_synthetic(path: Path, train_per_class: int = 4,
                    test_per_class: int = 2, seed: int = 0) -> Path:
    from mmaction_pose.datasets.synthetic import (SyntheticConfig,
                                                  generate_dataset)
    data = generate_dataset(
        seed, SyntheticConfig(train_per_class=train_per_class,
                              test_per_class=test_per_class, max_frames=60))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, 'wb') as f:
        pickle.dump(data, f)
    return path


@pytest.fixture(scope='session')
def synthetic_pkl(tmp_path_factory) -> Path:
    """A tiny synthetic PoseDataset pickle (8 classes x (4 train, 2 test))."""
    return write_synthetic(
        tmp_path_factory.mktemp('synthetic') / 'synthetic_coco17.pkl')
