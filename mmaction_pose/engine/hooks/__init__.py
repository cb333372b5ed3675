# Copyright (c) mmaction-pose. All rights reserved.
"""Runner hooks (importing this package registers them)."""
from .epoch_seed_hook import EpochSeedHook

__all__ = ['EpochSeedHook']
