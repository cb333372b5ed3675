# Copyright (c) mmaction-pose. All rights reserved.
"""Shared by the converters: prefix stripping and the strict loading of a
converted state dict into one sub-network."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Mapping

import torch
import torch.nn as nn


def strip_prefixes(key: str, prefixes: Sequence[str]) -> str:
    """``key`` without any of the wrapper ``prefixes`` in front, removed
    repeatedly (``module.base_model.conv1`` -> ``conv1``)."""
    stripped = True
    while stripped:
        stripped = False
        for prefix in prefixes:
            if key.startswith(prefix):
                key, stripped = key[len(prefix):], True
    return key


def load_converted(module: nn.Module, state: Mapping[str, torch.Tensor],
                   source: str, hint: str = '') -> list[str]:
    """Load converted weights into ``module`` (every weight must be there).

    Args:
        module: The target sub-network.
        state: Tensors under ``module``'s own key names; keys of layers the
            module does not have (e.g. stages after ``num_stages``) are
            skipped.
        source: Name of the checkpoint, for the messages.
        hint: Appended to the shape-mismatch message.

    Returns:
        The skipped keys.

    Raises:
        KeyError: on a weight of ``module`` missing in ``state``.
        ValueError: on a shape mismatch.
    """
    own = module.state_dict()
    missing = [k for k in own if k not in state]
    if missing:
        raise KeyError(f'{source}: {len(missing)} weights missing, e.g. '
                       f'{missing[:3]}')
    bad = [(k, tuple(state[k].shape), tuple(v.shape))
           for k, v in own.items() if state[k].shape != v.shape]
    if bad:
        key, got, want = bad[0]
        raise ValueError(f'{source}: {len(bad)} shape mismatches, e.g. {key}: '
                         f'checkpoint {got}, model {want}{hint}')
    module.load_state_dict({k: state[k] for k in own}, strict=True)
    return [k for k in state if k not in own]
