# Copyright (c) mmaction-pose. All rights reserved.
"""EpochSeedHook and EpochSeed: an epoch's random draws depend only on
(seed, epoch), in the main process and in persistent dataloader workers, so
a run resumed at an epoch boundary draws what the uninterrupted run drew."""
from __future__ import annotations

import copy
import pickle
from types import SimpleNamespace

import numpy as np
import pytest
import torch
from torch.utils.data import DataLoader

from conftest import write_synthetic
from mmaction_pose.datasets import PoseDataset
from mmaction_pose.engine import EpochSeedHook
from mmaction_pose.utils.seeding import EpochSeed, derive_seed

# Training-mode augmentation that draws from the global RNGs.
PIPELINE = [
    dict(type='UniformSampleFrames', clip_len=4),
    dict(type='PoseDecode')
]


@pytest.fixture(scope='module')
def ann_file(tmp_path_factory):
    return str(
        write_synthetic(tmp_path_factory.mktemp('seed') / 'a.pkl',
                        train_per_class=1,
                        test_per_class=1))


def test_derive_seed_separates_every_key():
    base = derive_seed(0, 0, 0, 0)
    assert base == derive_seed(0, 0, 0, 0)
    others = {
        derive_seed(1, 0, 0, 0),
        derive_seed(0, 1, 0, 0),
        derive_seed(0, 0, 1, 0),
        derive_seed(0, 0, 0, 1)
    }
    assert base not in others and len(others) == 4


def test_epoch_seed_is_shared_by_deepcopy_and_copied_by_pickle():
    seed = EpochSeed()
    assert seed.get() is None
    twin, frozen = copy.deepcopy(seed), pickle.loads(pickle.dumps(seed))
    seed.set(7, 2, 1)
    assert twin.get() == (7, 2, 1) and frozen.get() is None
    assert not seed.reseed_worker()  # main process: the hook's job


def _epoch_draws(loader: DataLoader, dataset: PoseDataset, epoch: int) -> list:
    dataset.set_epoch_seed(0, epoch)
    return [item['frame_inds'].tolist() for batch in loader for item in batch]


def _loader(ann_file: str) -> tuple[DataLoader, PoseDataset]:
    dataset = PoseDataset(ann_file, PIPELINE, split='train')
    loader = DataLoader(dataset,
                        batch_size=2,
                        num_workers=2,
                        persistent_workers=True,
                        collate_fn=list)
    return loader, dataset


def test_persistent_workers_draw_per_epoch_not_per_history(ann_file):
    loader, dataset = _loader(ann_file)
    uninterrupted = [_epoch_draws(loader, dataset, e) for e in range(3)]
    assert uninterrupted[1] != uninterrupted[2]  # still augmenting
    loader, dataset = _loader(ann_file)  # "resumed" at epoch 2
    assert _epoch_draws(loader, dataset, 2) == uninterrupted[2]


def _runner(dataset, seed=3, epoch=0, sampler_seed=3):
    loader = SimpleNamespace(dataset=SimpleNamespace(dataset=dataset),
                             sampler=SimpleNamespace(seed=sampler_seed))
    return SimpleNamespace(seed=seed,
                           epoch=epoch,
                           train_dataloader=loader,
                           _randomness_cfg=dict(seed=seed))


def test_hook_seeds_main_process_by_epoch_and_reaches_wrapped_datasets():
    calls = []
    inner = SimpleNamespace(set_epoch_seed=lambda *a: calls.append(a))
    hook = EpochSeedHook()
    draws = []
    for epoch in (0, 1, 0):
        hook.before_train_epoch(_runner(inner, epoch=epoch))
        draws.append((np.random.rand(), torch.rand(1).item()))
    assert draws[0] == draws[2] != draws[1]
    assert calls == [(3, 0, 0), (3, 1, 0), (3, 0, 0)]


def test_hook_gives_a_resumed_sampler_the_checkpoint_seed():
    runner = _runner(None, seed=5, sampler_seed=9)
    EpochSeedHook().before_train(runner)
    assert runner.train_dataloader.sampler.seed == 5


def test_hook_gives_the_dataloader_its_own_generator():
    # torch draws an iterator's base seed from loader.generator: from the
    # global stream it would shift dropout in a resumed run's first epoch
    # (persistent workers create the iterator once per process).
    loader = DataLoader(list(range(4)), batch_size=2)
    runner = _runner(None, epoch=1)
    runner.train_dataloader = loader
    EpochSeedHook().before_train_epoch(runner)
    state = torch.get_rng_state()
    iter(loader)
    assert torch.equal(state, torch.get_rng_state())
    assert isinstance(loader.generator, torch.Generator)
