# Copyright (c) mmaction-pose. All rights reserved.
"""The shipped RGBPoseConv3D trained on rendered Penn Action
(configs/rgbpose_conv3d/penn_action_rendered/): small, weights only, the
leaf config, and re-evaluated on a fixed subset of the rendered test split
(the first SUBSET test clips, rendered here from the real labels by the
README's tools) against the numbers configs/rgbpose_conv3d/README.md
records for that subset."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np

from conftest import (RENDERED_PENN_SUBSET, ROOT,
                      check_shipped_penn_checkpoint, load_script)

CONFIG = ROOT / 'configs' / 'rgbpose_conv3d' / 'penn_action_rendered.py'
CKPT_DIR = ROOT / 'configs' / 'rgbpose_conv3d' / 'penn_action_rendered'
README = ROOT / 'configs' / 'rgbpose_conv3d' / 'README.md'
SUBSET = RENDERED_PENN_SUBSET
# configs/rgbpose_conv3d/README.md, "fixed subset" row: top-1 (%) of the
# shipped checkpoint on the first 200 rendered test clips, 10 clips.
SUBSET_TOP1 = {'rgb': 99.50, 'pose': 98.50, 'fused': 99.50}


def shipped() -> Path:
    ckpts = sorted(CKPT_DIR.glob('penn_action_rendered_*.pth'))
    assert len(ckpts) == 1, f'expected one checkpoint in {CKPT_DIR}'
    return ckpts[0]


def run(args: list[str], timeout: int = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, OMP_NUM_THREADS='2', OMP_WAIT_POLICY='PASSIVE')
    res = subprocess.run([sys.executable, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, res.stderr[-3000:]
    return res


def test_checkpoint_is_small_weights_only_and_documented():
    ckpt = shipped()
    check_shipped_penn_checkpoint(ckpt, CONFIG, README, [
        Path(str(ckpt).replace('.pth', log)) for log in (
            '_train.log', '_rgb_only_train.log', '_pose_only_train.log')])


def test_readme_records_the_subset_numbers():
    text = README.read_text()
    for top1 in SUBSET_TOP1.values():
        assert f'{top1:.2f}' in text


def test_checkpoint_reproduces_the_readme_on_the_fixed_subset(
        tmp_path, rendered_penn_test_subset):
    videos = rendered_penn_test_subset
    dump = tmp_path / 'test.pkl'
    opts = [f'test_dataloader.dataset.{k}' for k in (
        f"ann_file={videos / 'annotations.pkl'}",
        f'data_prefix.video={videos}')]
    run(['tools/test.py', str(CONFIG), str(shipped()), '--work-dir',
         str(tmp_path / 'work'), '--dump', str(dump), '--cfg-options',
         *opts])
    fuse = load_script('tools/fuse_scores.py')
    results = fuse.fuse([f'{dump}:rgb', f'{dump}:pose'])
    with open(dump, 'rb') as f:
        assert len(pickle.load(f)) == SUBSET
    top1 = {'rgb': results[f'{dump}:rgb']['top1'],
            'pose': results[f'{dump}:pose']['top1'],
            'fused': results['fused']['top1']}
    for key, value in top1.items():
        assert abs(100 * value - SUBSET_TOP1[key]) <= 0.5, (key, value)
    assert np.isfinite(list(top1.values())).all()
