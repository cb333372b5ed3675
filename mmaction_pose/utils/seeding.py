# Copyright (c) mmaction-pose. All rights reserved.
"""Random streams derived from ``(seed, epoch, rank, process)``.

Exact resume needs every random draw of a training epoch to be a function
of the experiment's seed and the epoch alone, not of how many epochs this
process has run: mmengine resumes at an epoch boundary, but it does not
restore numpy / ``random`` / torch states, and persistent dataloader
workers carry their RNG streams across epochs. At the start of every epoch
:class:`~mmaction_pose.engine.EpochSeedHook` reseeds the main process
(dropout, ``num_workers=0`` augmentation) and gives the train dataloader
its own generator (the base seed torch draws when it creates an iterator,
which with persistent workers happens in the first epoch of a process
only, so it must not come from the global stream), and every worker
reseeds itself before its first sample of the epoch from the
:class:`EpochSeed` its dataset carries. The sampler order is mmengine's
``DefaultSampler`` (``seed + epoch``).
"""
from __future__ import annotations

import random
from multiprocessing import RawArray
from multiprocessing.context import get_spawning_popen
from typing import Any

import numpy as np
import torch

#: ``stream`` of the main process's global RNGs, of the train dataloader's
#: own generator; worker ``w`` uses ``WORKER_STREAM + w``.
MAIN_STREAM, LOADER_STREAM, WORKER_STREAM = 0, 1, 2


def derive_seed(seed: int,
                epoch: int,
                rank: int = 0,
                stream: int = MAIN_STREAM) -> int:
    """A 32-bit seed for one process and epoch (``np.random.SeedSequence``
    of the four keys, so nearby keys give unrelated streams)."""
    keys = [int(seed) % 2**63, int(epoch), int(rank), int(stream)]
    return int(np.random.SeedSequence(keys).generate_state(1)[0])


def seed_all(seed: int) -> None:
    """Seed numpy's global RNG, ``random`` and torch (CPU and CUDA)."""
    np.random.seed(seed)
    random.seed(seed)
    torch.manual_seed(seed)


class EpochSeed:
    """``(seed, epoch, rank)`` written by the main process and read by the
    dataloader workers of a dataset (shared memory, so persistent workers
    see each new epoch).

    A copy made by ``copy.deepcopy`` shares the values; a pickle made
    outside process spawning carries the current values, unshared.
    """

    def __init__(self, values: tuple[int, int, int] = (-1, -1, 0)) -> None:
        self._values = RawArray('q', [int(v) for v in values])
        self._seen: tuple[int, ...] | None = None

    def set(self, seed: int, epoch: int, rank: int = 0) -> None:
        """Publish the epoch's seed (main process, before the epoch)."""
        self._values[:] = [int(seed) % 2**63, int(epoch), int(rank)]

    def get(self) -> tuple[int, int, int] | None:
        """``(seed, epoch, rank)``, ``None`` before the first :meth:`set`."""
        seed, epoch, rank = self._values[:]
        return None if epoch < 0 else (seed, epoch, rank)

    def reseed_worker(self) -> bool:
        """In a dataloader worker, reseed its RNGs once per published epoch.

        Returns:
            Whether it reseeded (False in the main process, before the
            first :meth:`set`, or when already done for this epoch).
        """
        info = torch.utils.data.get_worker_info()
        values = self.get()
        if info is None or values is None or values == self._seen:
            return False
        self._seen = values
        seed, epoch, rank = values
        seed_all(derive_seed(seed, epoch, rank, WORKER_STREAM + info.id))
        return True

    def __deepcopy__(self, memo: dict) -> EpochSeed:
        return self

    def __reduce__(self) -> tuple[Any, tuple]:
        if get_spawning_popen() is not None:  # to a spawned worker: share
            return _rebuild, (self._values, )
        return EpochSeed, (tuple(self._values[:]), )


def _rebuild(values: Any) -> EpochSeed:
    out = EpochSeed.__new__(EpochSeed)
    out._values, out._seen = values, None
    return out
