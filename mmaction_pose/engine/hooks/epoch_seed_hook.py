# Copyright (c) mmaction-pose. All rights reserved.
"""``EpochSeedHook``: every training epoch's randomness from (seed, epoch).

Makes a run resumed with ``--resume`` from an epoch checkpoint reproduce
the uninterrupted run exactly (per-iteration losses, final accuracy; CPU,
fixed thread count), whether it was stopped cleanly or killed. See
:mod:`mmaction_pose.utils.seeding` and ``docs/data_validation.md``.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import torch
from mmengine.dist import get_rank
from mmengine.hooks import Hook
from torch.utils.data import DataLoader

from mmaction_pose.registry import HOOKS
from mmaction_pose.utils.seeding import (LOADER_STREAM, MAIN_STREAM,
                                         derive_seed, seed_all)


def iter_datasets(dataset: Any) -> Iterator[Any]:
    """``dataset`` and every dataset it wraps (``RepeatDataset``,
    ``ConcatDataset``, ``ClassBalancedDataset``, ...)."""
    yield dataset
    inner = getattr(dataset, 'dataset', None)
    if inner is not None:
        yield from iter_datasets(inner)
    for inner in getattr(dataset, 'datasets', None) or []:
        yield from iter_datasets(inner)


@HOOKS.register_module()
class EpochSeedHook(Hook):
    """Reseed all random streams of a training epoch from (seed, epoch).

    Before each training epoch: numpy, ``random`` and torch of the main
    process are seeded with ``derive_seed(seed, epoch, rank)``, the train
    dataloader gets a generator of its own (torch draws a base seed when
    it creates an iterator: every epoch, or with persistent workers only in
    a process's first), and every dataset of the train dataloader that has
    ``set_epoch_seed`` (our ``PoseDataset``) publishes ``(seed, epoch,
    rank)`` to its dataloader workers, which reseed before their first
    sample of the epoch. Before training, a sampler whose seed differs from
    the runner's (resuming a run that had no fixed seed: mmengine restores
    the seed after building the sampler) gets the runner's.

    Nothing is stored in checkpoints: an epoch's draws depend only on the
    seed, the epoch and the restored model / optimizer / scheduler state.
    Iteration-based loops are seeded once (``epoch`` 0).
    """

    priority = 'NORMAL'

    def before_train(self, runner: Any) -> None:
        sampler = getattr(runner.train_dataloader, 'sampler', None)
        diff_rank = runner._randomness_cfg.get('diff_rank_seed', False)
        if not diff_rank and isinstance(getattr(sampler, 'seed', None), int) \
                and sampler.seed != runner.seed:
            sampler.seed = runner.seed

    def before_train_epoch(self, runner: Any) -> None:
        seed, epoch, rank = runner.seed, runner.epoch, get_rank()
        seed_all(derive_seed(seed, epoch, rank, MAIN_STREAM))
        loader = runner.train_dataloader
        if isinstance(loader, DataLoader):
            loader.generator = torch.Generator().manual_seed(
                derive_seed(seed, epoch, rank, LOADER_STREAM))
        for dataset in iter_datasets(runner.train_dataloader.dataset):
            if hasattr(dataset, 'set_epoch_seed'):
                dataset.set_epoch_seed(seed, epoch, rank)
