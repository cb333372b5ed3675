# Copyright (c) mmaction-pose. All rights reserved.
"""tools/fuse_scores.py on dumps written the way `tools/test.py --dump`
writes them (mmengine's Evaluator + DumpResults on ActionDataSamples)."""
from __future__ import annotations

import importlib.util
import pickle
from pathlib import Path

import numpy as np
import pytest
import torch
from mmengine.evaluator import DumpResults, Evaluator

from mmaction.structures import ActionDataSample

TOOL = Path(__file__).resolve().parents[2] / 'tools' / 'fuse_scores.py'
LABELS = [0, 1, 2, 2]
# Joint model right on samples 0, 1; limb model right on 2, 3; their 1:1
# sum right on 0, 2, 3.
JOINT = [[.8, .1, .1], [.1, .6, .3], [.5, .4, .1], [.1, .5, .4]]
LIMB = [[.3, .4, .3], [.1, .2, .7], [.1, .1, .8], [.2, .2, .6]]


def _tool():
    spec = importlib.util.spec_from_file_location('fuse_tool', TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dump(path: Path, scores, labels=LABELS) -> str:
    """Write a dump as tools/test.py --dump does."""
    samples = []
    for score, label in zip(scores, labels):
        sample = ActionDataSample().set_gt_label(label)
        if isinstance(score, dict):
            sample.set_pred_score(
                {k: torch.tensor(v) for k, v in score.items()})
        else:
            sample.set_pred_score(torch.tensor(score))
        samples.append(sample)
    evaluator = Evaluator([DumpResults(out_file_path=str(path))])
    evaluator.process(samples)
    evaluator.evaluate(len(samples))
    return str(path)


def test_dump_helper_writes_the_test_py_format(tmp_path):
    with open(dump(tmp_path / 'j.pkl', JOINT), 'rb') as f:
        samples = pickle.load(f)
    assert len(samples) == 4 and {'pred_score', 'gt_label'} <= set(samples[0])


def test_joint_plus_limb(tmp_path):
    j, lb = dump(tmp_path / 'j.pkl', JOINT), dump(tmp_path / 'l.pkl', LIMB)
    res = _tool().fuse([j, lb])
    assert res[j]['top1'] == pytest.approx(2 / 4)  # right on 0, 1
    assert res[lb]['top1'] == pytest.approx(2 / 4)  # right on 2, 3
    # 1:1 sums: [1.1 .5 .4], [.2 .8 1.0], [.6 .5 .9], [.3 .7 1.0]
    assert res['fused']['top1'] == pytest.approx(3 / 4)
    assert res['fused']['top5'] == pytest.approx(1.0)  # 3 classes: top-3
    # per class: class 0 1/1, class 1 0/1, class 2 2/2
    assert res['fused']['mean_class'] == pytest.approx(2 / 3)


def test_weights(tmp_path):
    j, lb = dump(tmp_path / 'j.pkl', JOINT), dump(tmp_path / 'l.pkl', LIMB)
    res = _tool().fuse([j, lb], weights=[1, 0])
    assert res['fused'] == res[j]
    with pytest.raises(ValueError, match='weights'):
        _tool().fuse([j, lb], weights=[1])


def test_rgbpose_streams(tmp_path):
    both = dump(tmp_path / 'rgbpose.pkl',
                [dict(rgb=a, pose=b) for a, b in zip(JOINT, LIMB)])
    j, lb = dump(tmp_path / 'j.pkl', JOINT), dump(tmp_path / 'l.pkl', LIMB)
    res = _tool().fuse([f'{both}:rgb', f'{both}:pose'])
    assert res['fused'] == _tool().fuse([j, lb])['fused']
    with pytest.raises(ValueError, match='name one'):
        _tool().fuse([both])
    with pytest.raises(ValueError, match='no stream'):
        _tool().fuse([f'{both}:flow'])


def test_softmax_option(tmp_path):
    logits = np.log(np.asarray(JOINT)) + 3.0
    j = dump(tmp_path / 'j.pkl', logits.tolist())
    lb = dump(tmp_path / 'l.pkl', LIMB)
    res = _tool().fuse([j, lb], apply_softmax=True)
    assert res['fused']['top1'] == pytest.approx(3 / 4)


@pytest.mark.parametrize('case', ['labels', 'length'])
def test_mismatched_dumps_are_rejected(tmp_path, case):
    j = dump(tmp_path / 'j.pkl', JOINT)
    if case == 'labels':
        other = dump(tmp_path / 'l.pkl', LIMB, labels=[0, 1, 2, 1])
    else:
        other = dump(tmp_path / 'l.pkl', LIMB[:3], labels=LABELS[:3])
    with pytest.raises(ValueError):
        _tool().fuse([j, other])


def test_not_a_dump_is_rejected(tmp_path):
    path = tmp_path / 'x.pkl'
    path.write_bytes(pickle.dumps({'a': 1}))
    with pytest.raises(ValueError, match='--dump'):
        _tool().fuse([str(path)])


def test_cli_prints_a_table(tmp_path, capsys):
    j, lb = dump(tmp_path / 'j.pkl', JOINT), dump(tmp_path / 'l.pkl', LIMB)
    _tool().main([j, lb, '--weights', '1', '1'])
    out = capsys.readouterr().out
    assert 'fused' in out and '0.7500' in out
