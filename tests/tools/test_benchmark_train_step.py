# Copyright (c) mmaction-pose. All rights reserved.
"""tools/analysis_tools/benchmark_train_step.py on tiny inputs."""
from __future__ import annotations

import importlib.util

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    'benchmark_train_step',
    ROOT / 'tools' / 'analysis_tools' / 'benchmark_train_step.py')
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
CONFIGS = [str(ROOT / 'configs' / 'posec3d' / f'penn_action_{name}.py')
           for name in ('keypoint', 'keypoint_x3d_s')]


def test_times_every_config_and_prints_ratios(capsys):
    rows = bench.main([*CONFIGS, '--batch-size', '2', '--input-shape', '13',
                       '4', '16', '16', '--iters', '1', '--warmup', '0'])
    assert [r['config'] for r in rows] == CONFIGS
    assert all(r['seconds'] > 0 for r in rows)
    # parameter counts of the README's backbone comparison
    assert [r['backbone_params'] for r in rows] == [220400, 240624]
    out = capsys.readouterr().out
    assert 'ratio' in out and '1.00' in out and '13x4x16x16' in out


def test_input_shape_from_config():
    from mmengine.config import Config
    cfg = Config.fromfile(CONFIGS[0])
    assert bench.input_shape(cfg, None) == (13, 32, 32, 32)
    assert bench.input_shape(cfg, [1, 2, 3, 4]) == (1, 2, 3, 4)


def test_missing_config_is_an_error(tmp_path):
    with pytest.raises(SystemExit):
        bench.main([str(tmp_path / 'nope.py')])
