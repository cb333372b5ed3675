# Copyright (c) mmaction-pose. All rights reserved.
"""The shipped Action Machine (fourth run, both stages) trained on rendered
Penn Action (configs/action_machine/penn_action_rendered/): small, weights
only, with its config and logs, and re-evaluated on the fixed subset of the
rendered test split (conftest's ``rendered_penn_test_subset``) against the
numbers configs/action_machine/README.md records for it: each head, the 1:1
fusion and the pose branch's PCK@0.2."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import (ROOT, check_shipped_penn_checkpoint,
                      run_test_on_rendered_subset)

NAME = 'action_machine_penn_action_rendered'
CONFIG = ROOT / 'configs' / 'action_machine' / f'{NAME}_48e.py'
CKPT_DIR = ROOT / 'configs' / 'action_machine' / 'penn_action_rendered'
README = ROOT / 'configs' / 'action_machine' / 'README.md'
# configs/action_machine/README.md, "fixed subset" row (first 200 rendered
# test clips): RGB head, pose-action head, 1:1 fusion (%), PCK@0.2.
SUBSET = dict(rgb_top1=97.00, pose_top1=97.00, fused_top1=97.50, pck=0.892)


def shipped() -> Path:
    ckpts = sorted(CKPT_DIR.glob(f'{NAME}_*[0-9a-f].pth'))
    assert len(ckpts) == 1, f'expected one checkpoint in {CKPT_DIR}'
    return ckpts[0]


def test_checkpoint_is_small_weights_only_and_documented():
    # stage 1: 30 epochs of the second run + 30 of the third; stage 2 (48
    # epochs) and the test: the fourth run's
    check_shipped_penn_checkpoint(shipped(), CONFIG, README, [
        CKPT_DIR / f'{log}.log' for log in (
            'second_run_kps_rgb_train', 'third_run_kps_rgb_more_train',
            'fourth_run_train', 'fourth_run_test')])


def test_readme_records_the_subset_numbers():
    text = README.read_text()
    for key, value in SUBSET.items():
        assert (f'{value:.3f}' if key == 'pck' else f'{value:.2f}') in text


def test_checkpoint_reproduces_the_readme_on_the_fixed_subset(
        tmp_path, rendered_penn_test_subset):
    log = run_test_on_rendered_subset(CONFIG, shipped(),
                                      rendered_penn_test_subset,
                                      tmp_path / 'work')

    def last(pattern: str) -> float:
        return float(re.findall(pattern + r': ([0-9.]+)', log)[-1])

    got = dict(rgb_top1=100 * last('acc/rgb_top1'),
               pose_top1=100 * last('acc/pose_top1'),
               fused_top1=100 * last('acc/RGBPose_1:1_top1'),
               pck=last(r'pose/pck@0\.2'))
    for key, want in SUBSET.items():
        tol = 0.005 if key == 'pck' else 0.5
        assert abs(got[key] - want) <= tol, got
