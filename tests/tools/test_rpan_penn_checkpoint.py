# Copyright (c) mmaction-pose. All rights reserved.
"""The shipped RPAN RGB stream trained on rendered Penn Action
(configs/rpan/penn_action_rendered/): small, weights only, with its config
and logs, and re-evaluated on the fixed subset of the rendered test split
(conftest's ``rendered_penn_test_subset``) against the numbers
configs/rpan/README.md records for it: top-1 and attention-PCK@0.2."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from mmaction_pose.datasets.converters.penn_action import PENN_ACTION_CLASSES

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
    import torch
    from mmengine.config import Config
    ckpt = shipped()
    assert ckpt.stat().st_size <= 10 * 2**20
    state = torch.load(str(ckpt), map_location='cpu', weights_only=True)
    assert set(state) == {'state_dict', 'meta'}
    assert ckpt.name in README.read_text()
    assert (CKPT_DIR / 'label_map.txt').read_text().split() == list(
        PENN_ACTION_CLASSES)
    shipped_cfg = Config.fromfile(str(ckpt).replace('.pth', '_config.py'))
    leaf = Config.fromfile(str(CONFIG))
    for key in ('model', 'train_pipeline', 'test_pipeline', 'optim_wrapper',
                'param_scheduler', 'train_cfg'):
        assert shipped_cfg[key] == leaf[key], key
    for log in ('_train.log', '_test.log'):
        assert Path(str(ckpt).replace('.pth', log)).is_file(), log


def test_readme_records_the_subset_numbers():
    text = README.read_text()
    assert f'{SUBSET_TOP1:.2f}' in text and f'{SUBSET_PCK:.3f}' in text


def test_checkpoint_reproduces_the_readme_on_the_fixed_subset(
        tmp_path, rendered_penn_test_subset):
    videos = rendered_penn_test_subset
    opts = [f'test_dataloader.dataset.{k}' for k in (
        f"ann_file={videos / 'annotations.pkl'}",
        f'data_prefix.video={videos}')]
    env = dict(os.environ, OMP_NUM_THREADS='2', OMP_WAIT_POLICY='PASSIVE')
    res = subprocess.run(
        [sys.executable, 'tools/test.py', str(CONFIG), str(shipped()),
         '--work-dir', str(tmp_path / 'work'), '--cfg-options', *opts],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-3000:]
    log = res.stdout + res.stderr
    top1 = float(re.findall(r'acc/top1: ([0-9.]+)', log)[-1])
    pck = float(re.findall(r'attention/pck@0.2: ([0-9.]+)', log)[-1])
    assert abs(100 * top1 - SUBSET_TOP1) <= 0.5, top1
    assert abs(pck - SUBSET_PCK) <= 0.005, pck
