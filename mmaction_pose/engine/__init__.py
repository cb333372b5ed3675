# Copyright (c) mmaction-pose. All rights reserved.
"""Engine components: runner hooks."""
from .hooks import EpochSeedHook

__all__ = ['EpochSeedHook']
