# Copyright (c) mmaction-pose. All rights reserved.
"""Stratified validation / fraction splits and their CLI."""
from __future__ import annotations

import pickle
from collections import Counter

import pytest

from conftest import load_script
from mmaction_pose.datasets.splits import (carve_splits, holdout_split,
                                           split_labels)

tool = load_script('tools/data/splits/make_splits.py')


def fake_data(per_class=(40, 20, 3), key='frame_dir') -> dict:
    anns, train = [], []
    for c, n in enumerate(per_class):
        for i in range(n):
            name = f'c{c}_{i:03d}'
            anns.append({key: name, 'label': c})
            train.append(name)
    anns.append({key: 'test0', 'label': 0})
    return dict(split=dict(train=train, test=['test0']), annotations=anns)


def test_val_is_stratified_disjoint_and_seeded() -> None:
    data = fake_data()
    new = carve_splits(data, val_fraction=0.1, fractions=(0.25, 0.5),
                       seed=0)
    val, rest = set(new['train_val']), set(new['train_rest'])
    assert not val & rest and val | rest == set(data['split']['train'])
    labels = split_labels(data, 'train')
    assert Counter(labels[n] for n in val) == {0: 4, 1: 2, 2: 1}
    # nested fractions of the rest, every class present
    p25, p50 = set(new['train_rest_p25']), set(new['train_rest_p50'])
    assert p25 < p50 <= rest
    assert Counter(labels[n] for n in p50) == {0: 18, 1: 9, 2: 1}
    assert carve_splits(data, val_fraction=0.1, seed=0)['train_val'] == \
        new['train_val']
    assert carve_splits(data, val_fraction=0.1, seed=1)['train_val'] != \
        new['train_val']
    assert 'train_val' not in data['split']  # input untouched


def test_fractions_without_val_and_filename_keys() -> None:
    data = fake_data(key='filename')
    new = carve_splits(data, fractions=(0.1, ))
    assert list(new) == ['train_p10'] and len(new['train_p10']) == 4 + 2 + 1


def test_errors_name_the_problem() -> None:
    with pytest.raises(KeyError, match="no split 'nope'"):
        carve_splits(fake_data(), source='nope', val_fraction=0.1)
    with pytest.raises(ValueError, match=r'\(0, 1\)'):
        carve_splits(fake_data(), fractions=(1.5, ))
    bad = fake_data()
    bad['split']['train'].append('ghost')
    with pytest.raises(KeyError, match='ghost'):
        carve_splits(bad, val_fraction=0.1)


def test_cli_adds_splits_in_place(tmp_path, capsys) -> None:
    path = tmp_path / 'ann.pkl'
    with open(path, 'wb') as f:
        pickle.dump(fake_data(), f)
    assert tool.main([str(path), '--val-fraction', '0.1', '--fractions',
                      '0.5']) == 0
    with open(path, 'rb') as f:
        split = pickle.load(f)['split']
    assert {'train', 'test', 'train_val', 'train_rest',
            'train_rest_p50'} == set(split)
    assert '(new)' in capsys.readouterr().out
    assert tool.main([str(path)]) == 1
    assert tool.main([str(tmp_path / 'missing.pkl'), '--fractions',
                      '0.5']) == 1


def test_holdout_splits_one_group_off() -> None:
    data = fake_data()
    new = holdout_split(data, 'train', r'^c1_')
    assert new['train_hold'] == sorted(f'c1_{i:03d}' for i in range(20))
    assert len(new['train_keep']) == 43
    assert not set(new['train_hold']) & set(new['train_keep'])
    with pytest.raises(ValueError, match='matches 0 of the 63'):
        holdout_split(data, 'train', 'nothing')
    with pytest.raises(ValueError, match='matches 63 of the 63'):
        holdout_split(data, 'train', '^c')
    with pytest.raises(ValueError, match='invalid --holdout'):
        holdout_split(data, 'train', '(')


def test_cli_holdout(tmp_path) -> None:
    path = tmp_path / 'ann.pkl'
    with open(path, 'wb') as f:
        pickle.dump(fake_data(), f)
    assert tool.main([str(path), '--holdout', '^c2_']) == 0
    with open(path, 'rb') as f:
        split = pickle.load(f)['split']
    assert split['train_hold'] == ['c2_000', 'c2_001', 'c2_002']
    assert tool.main([str(path), '--holdout', 'zzz']) == 1
