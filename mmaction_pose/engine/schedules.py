# Copyright (c) mmaction-pose. All rights reserved.
"""Learning-rate schedules that configs build from their epoch count.

mmengine evaluates a base config before its leaf, so a schedule whose
milestones depend on ``max_epochs`` has to be rebuilt wherever
``max_epochs`` changes; configs call these through ``__import__`` (an
import statement would make mmengine parse the config lazily).
"""
from __future__ import annotations


def warmup_cosine(max_epochs: int, warmup_epochs: int = 1,
                  start_factor: float = 0.1) -> list[dict]:
    """Linear warm-up from ``start_factor * lr`` over ``warmup_epochs``,
    then cosine annealing to 0 by ``max_epochs``, both stepped per
    iteration (the CPU recipes of this package).

    Returns:
        mmengine ``param_scheduler`` dicts (``LinearLR``,
        ``CosineAnnealingLR``).
    """
    if not 0 < warmup_epochs < max_epochs:
        raise ValueError(f'warmup_epochs={warmup_epochs} must be in '
                         f'(0, max_epochs={max_epochs})')
    return [
        dict(type='LinearLR', start_factor=start_factor, by_epoch=True,
             begin=0, end=warmup_epochs, convert_to_iter_based=True),
        dict(type='CosineAnnealingLR', eta_min=0,
             T_max=max_epochs - warmup_epochs, by_epoch=True,
             begin=warmup_epochs, end=max_epochs,
             convert_to_iter_based=True)
    ]
