# Copyright (c) mmaction-pose. All rights reserved.
"""Exact resume: a real tools/train.py run killed with SIGKILL in the middle
of epoch 3 and restarted with --resume reproduces the uninterrupted run's
per-iteration losses, logged losses and final accuracy exactly (CPU,
persistent dataloader workers, augmentation and dropout on). The fast
in-process checks are tests/engine/test_epoch_seed_hook.py."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_train_test import ROOT, tiny_config

EPOCHS, KILL_EPOCH = 4, 3
PROBE = """
custom_imports = dict(imports=['mmaction_pose.registry', 'loss_probe'],
                      allow_failed_imports=False)
custom_hooks = [dict(type='LossProbeHook')]
_workers = dict(num_workers=1, persistent_workers=True)
train_dataloader = dict(train_dataloader, **_workers)
val_dataloader = dict(val_dataloader, **_workers)
param_scheduler = [
    dict(type='LinearLR', start_factor=0.1, by_epoch=True, begin=0, end=1,
         convert_to_iter_based=True),
    dict(type='CosineAnnealingLR', eta_min=0, T_max=max_epochs - 1,
         by_epoch=True, begin=1, end=max_epochs, convert_to_iter_based=True)
]
"""


def _start(cfg: Path,
           work: Path,
           out: Path,
           *extra: str,
           slow_epoch: int = -1) -> subprocess.Popen:
    env = dict(os.environ,
               OMP_NUM_THREADS='1',
               LOSS_PROBE_OUT=str(out),
               LOSS_PROBE_SLOW_EPOCH=str(slow_epoch),
               PYTHONPATH=f'{ROOT}:{Path(__file__).parent}')
    log = open(out.with_suffix('.log'), 'w')  # a pipe could fill and block
    return subprocess.Popen([
        sys.executable, 'tools/train.py',
        str(cfg), '--work-dir',
        str(work), '--seed', '0', *extra
    ],
                            cwd=ROOT,
                            env=env,
                            start_new_session=True,
                            stdout=log,
                            stderr=subprocess.STDOUT)


def _tail(out: Path) -> str:
    return out.with_suffix('.log').read_text()[-3000:]


def _records(path: Path) -> list[dict]:
    if not path.exists():
        return []
    lines = path.read_text().splitlines()
    return [json.loads(line) for line in lines if line.endswith('}')]


def _logged_losses(work: Path) -> dict[int, float]:
    """``step -> loss`` as LoggerHook logged it (vis_data/scalars.json)."""
    logged = {}
    for scalars in work.glob('*/vis_data/scalars.json'):
        for line in scalars.read_text().splitlines():
            entry = json.loads(line)
            if 'loss' in entry:
                logged[entry['step']] = entry['loss']
    return logged


def _kill_in_epoch(proc: subprocess.Popen, out: Path, epoch: int) -> None:
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None:
        if any(r.get('epoch') == epoch and 'loss' in r for r in _records(out)):
            os.killpg(proc.pid, signal.SIGKILL)  # main process + worker
            proc.wait()
            return
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError(f'the run never reached epoch {epoch}: '
                         f'{_tail(out)}')


def test_killed_and_resumed_run_reproduces_the_uninterrupted_run(
        tmp_path, synthetic_pkl):
    cfg = tiny_config(tmp_path, synthetic_pkl, max_epochs=EPOCHS, extra=PROBE)
    full_out, part_out, resumed_out = (tmp_path / f'{n}.jsonl'
                                       for n in ('full', 'part', 'resumed'))
    full = _start(cfg, tmp_path / 'full', full_out)
    part = _start(cfg, tmp_path / 'part', part_out, slow_epoch=KILL_EPOCH)
    _kill_in_epoch(part, part_out, KILL_EPOCH)
    assert (tmp_path / 'part' / f'epoch_{KILL_EPOCH - 1}.pth').exists()
    assert not (tmp_path / 'part' / f'epoch_{KILL_EPOCH}.pth').exists()
    resumed = _start(cfg, tmp_path / 'part', resumed_out, '--resume')
    for proc, out in ((full, full_out), (resumed, resumed_out)):
        assert proc.wait(timeout=300) == 0, _tail(out)

    expected = [r for r in _records(full_out) if 'loss' in r]
    assert len(expected) == EPOCHS * 8  # 32 clips / batch 4
    killed = [r for r in _records(part_out) if 'loss' in r]
    assert killed == expected[:len(killed)]
    got = [r for r in _records(resumed_out) if 'loss' in r]
    assert got[0]['epoch'] == KILL_EPOCH and got[0]['iter'] == 16
    assert got == expected[16:]
    final = [r for r in _records(full_out) if 'metrics' in r][-1]
    assert final['epoch'] == EPOCHS
    assert [r for r in _records(resumed_out) if 'metrics' in r][-1] == final
    full_log = _logged_losses(tmp_path / 'full')
    resumed_log = {
        s: v
        for s, v in _logged_losses(tmp_path / 'part').items() if s > 16
    }
    assert resumed_log and all(full_log[s] == v
                               for s, v in resumed_log.items())
