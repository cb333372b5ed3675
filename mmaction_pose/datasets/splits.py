# Copyright (c) mmaction-pose. All rights reserved.
"""Stratified splits of a PoseDataset annotation dict (validation, subsets).

Hyper-parameters are chosen on a validation split carved from the training
data, never on the test split; learning curves need stratified fractions
of the training set. Both are new entries of the pickle's ``split`` dict,
drawn per class with a fixed seed, so a config selects them by name
(``dataset=dict(split='val')``):

- ``<source>_val``: ``val_fraction`` of every class of ``source``;
- ``<source>_rest``: the other ``source`` samples (train on these when
  validating on ``<source>_val``);
- ``<base>_p<percent>``: ``fraction`` of every class of ``base`` (the rest
  when a validation split is carved, else ``source``), nested: a smaller
  fraction is a subset of a larger one;
- ``<source>_hold`` + ``<source>_keep`` (:func:`holdout_split`): the
  samples whose name matches a pattern (e.g. one camera view of the
  training views, ``_v02$``) and the others: a validation split that
  measures generalisation to an unseen group, as a cross-view test does.
"""
from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence

import numpy as np


def split_labels(data: dict, split: str) -> dict[str, int]:
    """``{name: label}`` of a split; names are ``filename`` when the
    annotations have one (as mmaction2's PoseDataset selects), else
    ``frame_dir``.

    Raises:
        KeyError: no such split, or a name without an annotation.
    """
    if split not in data.get('split', {}):
        raise KeyError(f'no split {split!r}; the file has '
                       f'{sorted(data.get("split", {}))}')
    key = 'filename' if all('filename' in a for a in data['annotations']) \
        else 'frame_dir'
    labels = {a[key]: int(a['label']) for a in data['annotations']}
    missing = [n for n in data['split'][split] if n not in labels]
    if missing:
        raise KeyError(f'split {split!r} names {len(missing)} samples '
                       f'without an annotation, e.g. {missing[0]!r}')
    return {n: labels[n] for n in data['split'][split]}


def stratified_order(labels: dict[str, int],
                     seed: int) -> dict[int, list[str]]:
    """Every class's names in one seeded random order."""
    rng = np.random.default_rng(seed)
    per_class: dict[int, list[str]] = defaultdict(list)
    for name in sorted(labels):
        per_class[labels[name]].append(name)
    return {c: [names[i] for i in rng.permutation(len(names))]
            for c, names in sorted(per_class.items())}


def _take(order: dict[int, list[str]], fraction: float) -> list[str]:
    """``round(fraction · n_c)`` (at least 1) first names of every class."""
    out = []
    for names in order.values():
        out += names[:max(1, int(round(fraction * len(names))))]
    return sorted(out)


def carve_splits(data: dict, source: str = 'train',
                 val_fraction: float = 0., fractions: Sequence[float] = (),
                 seed: int = 0) -> dict[str, list[str]]:
    """The new splits (see module doc); ``data`` is not modified.

    Raises:
        ValueError: a fraction outside ``(0, 1)``.
    """
    for f in (*fractions, *((val_fraction, ) if val_fraction else ())):
        if not 0 < f < 1:
            raise ValueError(f'fractions must be in (0, 1), got {f}')
    labels = split_labels(data, source)
    order = stratified_order(labels, seed)
    new: dict[str, list[str]] = {}
    base = source
    if val_fraction:
        val = _take(order, val_fraction)
        taken = set(val)
        new[f'{source}_val'] = val
        new[f'{source}_rest'] = sorted(n for n in labels if n not in taken)
        order = {c: [n for n in names if n not in taken]
                 for c, names in order.items()}
        base = f'{source}_rest'
    for f in sorted(fractions):
        new[f'{base}_p{round(100 * f):g}'] = _take(order, f)
    return new


def holdout_split(data: dict, source: str,
                  pattern: str) -> dict[str, list[str]]:
    """``<source>_hold``: the ``source`` samples whose name matches the
    regular expression ``pattern`` (``re.search``); ``<source>_keep``: the
    others. ``data`` is not modified.

    Raises:
        ValueError: an invalid pattern, or one that matches none or all of
            the samples.
    """
    try:
        regex = re.compile(pattern)
    except re.error as e:
        raise ValueError(f'invalid --holdout pattern {pattern!r}: {e}')
    names = sorted(split_labels(data, source))
    hold = [n for n in names if regex.search(n)]
    if not hold or len(hold) == len(names):
        raise ValueError(f'--holdout {pattern!r} matches {len(hold)} of the '
                         f'{len(names)} samples of {source!r}; it must '
                         'match some but not all')
    held = set(hold)
    return {f'{source}_hold': hold,
            f'{source}_keep': [n for n in names if n not in held]}
