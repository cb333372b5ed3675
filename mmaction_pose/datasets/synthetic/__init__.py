# Copyright (c) mmaction-pose. All rights reserved.
"""Synthetic skeleton action dataset (the quickstart's embedded default)."""
from .generator import SyntheticConfig, generate_dataset, generate_sample
from .motions import ACTIONS, CLASSES

__all__ = [
    'ACTIONS', 'CLASSES', 'SyntheticConfig', 'generate_dataset',
    'generate_sample'
]
