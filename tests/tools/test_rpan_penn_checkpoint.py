# Copyright (c) mmaction-pose. All rights reserved.
"""The shipped RPAN RGB stream trained on rendered Penn Action
(configs/rpan/penn_action_rendered/): small, weights only, with its config
and logs, and re-evaluated on the fixed subset of the rendered test split
(conftest's ``rendered_penn_test_subset``) against the numbers
configs/rpan/README.md records for it: top-1 and attention-PCK@0.2."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import (ROOT, check_shipped_penn_checkpoint,
                      run_test_on_rendered_subset)

CONFIG = ROOT / 'configs' / 'rpan' / 'penn_action_rendered_rgb.py'
CKPT_DIR = ROOT / 'configs' / 'rpan' / 'penn_action_rendered'
README = ROOT / 'configs' / 'rpan' / 'README.md'
# configs/rpan/README.md, "fixed subset" row (first 200 rendered test clips).
SUBSET_TOP1, SUBSET_PCK = 95.00, 0.841


def shipped() -> Path:
    ckpts = sorted(CKPT_DIR.glob('penn_action_rendered_rgb_*[0-9a-f].pth'))
    assert len(ckpts) == 1, f'expected one checkpoint in {CKPT_DIR}'
    return ckpts[0]


def test_checkpoint_is_small_weights_only_and_documented():
    ckpt = shipped()
    check_shipped_penn_checkpoint(ckpt, CONFIG, README, [
        Path(str(ckpt).replace('.pth', log))
        for log in ('_train.log', '_test.log')])


def test_readme_records_the_subset_numbers():
    text = README.read_text()
    assert f'{SUBSET_TOP1:.2f}' in text and f'{SUBSET_PCK:.3f}' in text


def test_checkpoint_reproduces_the_readme_on_the_fixed_subset(
        tmp_path, rendered_penn_test_subset):
    log = run_test_on_rendered_subset(CONFIG, shipped(),
                                      rendered_penn_test_subset,
                                      tmp_path / 'work')
    top1 = float(re.findall(r'acc/top1: ([0-9.]+)', log)[-1])
    pck = float(re.findall(r'attention/pck@0.2: ([0-9.]+)', log)[-1])
    assert abs(100 * top1 - SUBSET_TOP1) <= 0.5, top1
    assert abs(pck - SUBSET_PCK) <= 0.005, pck
