# Copyright (c) mmaction-pose. All rights reserved.
"""tools/analysis_tools/skeleton_benchmarks.py: log parsing, the CSV, the
table and the PNG."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import load_script

tool = load_script('tools/analysis_tools/skeleton_benchmarks.py')

LOG = ('12/04 19:06:53 - mmengine - INFO - Epoch(test) [463/463]    '
       'acc/top1: 0.7775  acc/top5: 0.9806  acc/mean1: 0.7784  '
       'data_time: 0.0105  time: 0.7038\n')


def test_parse_test_log():
    assert tool.parse_test_log('noise\n' + LOG) == dict(top1=77.75,
                                                        mean1=77.84)
    with pytest.raises(ValueError, match='no "acc/top1'):
        tool.parse_test_log('Epoch(train) loss: 1.0\n')


def test_add_replace_report(tmp_path, capsys):
    log = tmp_path / 'test.log'
    log.write_text(LOG)
    csv = tmp_path / 'r.csv'
    base = ['add', str(csv), '--benchmark', 'nucla', '--model', 'm']
    for view in ('xview1', 'xview2', 'xview3'):
        assert tool.main(base + ['--setting', view, '--log', str(log),
                                 '--train-s', '125']) == 0
    # a second run of the same (benchmark, setting, model) replaces it
    assert tool.main(base + ['--setting', 'xview3', '--acc', '80', '79']) \
        == 0
    assert tool.main(['add', str(csv), '--benchmark', 'penn', '--setting',
                      'p25', '--model', 'm', '--log', str(log)]) == 0
    rows = tool.read_rows(csv)
    assert len(rows) == 4
    md = tool.table(rows)
    assert '| m | – | 77.75 | – | – | 77.75 (2 min 05 s) | ' \
        '77.75 (2 min 05 s) | 80.00 | 78.50 |' in md
    png = tmp_path / 'plot.png'
    capsys.readouterr()
    assert tool.main(['report', str(csv), '--png', str(png)]) == 0
    assert png.read_bytes()[:4] == b'\x89PNG'
    assert '| model |' in capsys.readouterr().out
    assert tool.main(['add', str(csv), '--benchmark', 'nucla', '--setting',
                      'xview1', '--model', 'm', '--log',
                      str(tmp_path / 'missing.log')]) == 1


def test_readme_table_is_the_committed_csv():
    """configs/posec3d/README.md shows what benchmarks/results.csv holds
    (rebuild it with the report command after adding a run)."""
    root = Path(__file__).resolve().parents[2] / 'configs' / 'posec3d'
    rows = tool.read_rows(root / 'benchmarks' / 'results.csv')
    assert rows
    assert tool.table(rows) in (root / 'README.md').read_text()
