# Copyright (c) mmaction-pose. All rights reserved.
"""tools/train.py, tools/test.py and tools/dist_train.sh end to end on a tiny
generated dataset: training, testing with --dump, resume, 2-process CPU DDP,
and clear errors for bad input."""
from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / 'configs' / 'posec3d' / 'synthetic_keypoint.py'


def tiny_config(tmp_path: Path, ann_file: Path, max_epochs: int = 1,
                extra: str = '') -> Path:
    """A leaf config inheriting the quickstart, shrunk for tests."""
    cfg = tmp_path / 'tiny.py'
    cfg.write_text(f"""
_base_ = [{str(CONFIG)!r}]
ann_file = {str(ann_file)!r}
clip_len = 8
max_epochs = {max_epochs}
_pipe = dict(num_workers=0, persistent_workers=False)
train_dataloader = dict(batch_size=4, dataset=dict(ann_file=ann_file), **_pipe)
val_dataloader = dict(batch_size=4, dataset=dict(ann_file=ann_file), **_pipe)
test_dataloader = dict(dataset=dict(ann_file=ann_file), **_pipe)
train_cfg = dict(max_epochs=max_epochs, val_interval=1)
param_scheduler = [dict(type='ConstantLR', factor=1.0)]
default_hooks = dict(logger=dict(interval=1))
{extra}
""")
    return cfg


def run(args, cwd=ROOT, env=None, timeout=300):
    env = dict(os.environ, OMP_NUM_THREADS='1', **(env or {}))
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope='module')
def trained(tmp_path_factory, synthetic_pkl):
    """Train the tiny config for 1 epoch once for the tests below."""
    tmp = tmp_path_factory.mktemp('train')
    cfg = tiny_config(tmp, synthetic_pkl, max_epochs=1)
    res = run(['tools/train.py', str(cfg), '--work-dir', str(tmp / 'work'),
               '--seed', '0'])
    assert res.returncode == 0, res.stderr[-3000:]
    return tmp, cfg, res


def test_train_writes_checkpoint_and_validates(trained):
    tmp, _, res = trained
    assert (tmp / 'work' / 'epoch_1.pth').exists()
    assert 'acc/top1' in res.stdout + res.stderr


def test_test_dumps_predictions(trained):
    tmp, cfg, _ = trained
    dump = tmp / 'pred.pkl'
    res = run(['tools/test.py', str(cfg), str(tmp / 'work' / 'epoch_1.pth'),
               '--work-dir', str(tmp / 'test'), '--dump', str(dump)])
    assert res.returncode == 0, res.stderr[-3000:]
    assert 'acc/top1' in res.stdout + res.stderr
    with open(dump, 'rb') as f:
        preds = pickle.load(f)
    assert len(preds) == 16 and 'pred_score' in preds[0]


def test_resume_from_runner_checkpoint(trained, tmp_path, synthetic_pkl):
    tmp, _, _ = trained
    cfg = tiny_config(tmp_path, synthetic_pkl, max_epochs=2)
    work = tmp_path / 'work'
    res = run(['tools/train.py', str(cfg), '--work-dir', str(work),
               '--resume', str(tmp / 'work' / 'epoch_1.pth')])
    assert res.returncode == 0, res.stderr[-3000:]
    log = res.stdout + res.stderr
    assert 'resumed epoch: 1' in log
    assert (work / 'epoch_2.pth').exists() and not (work /
                                                    'epoch_1.pth').exists()


def test_two_process_cpu_ddp(tmp_path, synthetic_pkl):
    probe = "custom_imports = dict(imports=['mmaction_pose.registry', " \
        "'ddp_probe'], allow_failed_imports=False)\n" \
        "custom_hooks = [dict(type='DDPProbeHook')]"
    cfg = tiny_config(tmp_path, synthetic_pkl, max_epochs=2, extra=probe)
    work = tmp_path / 'work'
    env = dict(PORT=str(random.randint(20000, 40000)),
               PYTHON=sys.executable,
               PYTHONPATH=f'{ROOT}:{Path(__file__).parent}')
    res = subprocess.run(
        ['bash', 'tools/dist_train.sh', str(cfg), '2', '--work-dir',
         str(work), '--seed', '0'], cwd=ROOT, capture_output=True, text=True,
        timeout=600, env=dict(os.environ, OMP_NUM_THREADS='1', **env))
    assert res.returncode == 0, res.stderr[-3000:]
    ranks = [json.loads((work / f'rank{r}.json').read_text())
             for r in (0, 1)]
    assert [r['world_size'] for r in ranks] == [2, 2]
    assert ranks[0]['checksum'] == pytest.approx(ranks[1]['checksum'],
                                                 rel=1e-6)
    assert ranks[0]['metrics'] == ranks[1]['metrics']
    assert 'acc/top1' in ranks[0]['metrics']
    # 32 train samples / (2 ranks x batch 4) = 4 iters per epoch, 2 epochs.
    assert ranks[0]['iters'] == 8


# Issue 16's table: what used to crash mid-epoch fails before training.
BAD_SAMPLE = {
    'no_keypoint': ('keypoint', lambda a: a.pop('keypoint')),
    'label_99': ('label', lambda a: a.update(label=99)),  # 8 classes
    'inf_keypoint': ('keypoint', lambda a: a['keypoint'].__setitem__(
        (0, 0, 0, 0), float('inf'))),
}


@pytest.mark.parametrize('case', ['missing', 'garbage', *BAD_SAMPLE])
def test_bad_annotations_exit_with_one_clear_message(tmp_path, case,
                                                     synthetic_pkl):
    ann = tmp_path / 'ann.pkl'
    if case == 'garbage':
        ann.write_bytes(b'\x80\x04garbage')
    elif case in BAD_SAMPLE:
        with open(synthetic_pkl, 'rb') as f:
            data = pickle.load(f)
        BAD_SAMPLE[case][1](data['annotations'][3])
        with open(ann, 'wb') as f:
            pickle.dump(data, f)
    cfg = tiny_config(tmp_path, ann)
    res = run(['tools/train.py', str(cfg), '--work-dir',
               str(tmp_path / 'w')])
    assert res.returncode != 0
    err = res.stderr.strip().splitlines()[-1]
    assert err.startswith('error: ') and 'ann.pkl' in err
    assert 'Traceback' not in res.stderr
    if case in BAD_SAMPLE:
        assert 'sample #3' in err and f"'{BAD_SAMPLE[case][0]}'" in err
        assert 'frame_dir=' in err


def test_bad_cfg_option_fails_before_training(tmp_path, synthetic_pkl):
    cfg = tiny_config(tmp_path, synthetic_pkl)
    res = run(['tools/train.py', str(cfg), '--work-dir',
               str(tmp_path / 'w'), '--cfg-options',
               'model.backbone.base_channel=8'])
    assert res.returncode != 0
    assert "did you mean 'base_channels'" in res.stderr
    assert not (tmp_path / 'w').exists() or not list(
        (tmp_path / 'w').rglob('*.pth'))


def test_missing_checkpoint_is_reported(tmp_path, synthetic_pkl):
    cfg = tiny_config(tmp_path, synthetic_pkl)
    res = run(['tools/test.py', str(cfg), str(tmp_path / 'none.pth')])
    assert res.returncode != 0 and 'none.pth' in res.stderr
    assert 'does not exist' in res.stderr


def test_checkpoint_url_is_left_to_load_checkpoint(tmp_path, monkeypatch,
                                                   synthetic_pkl):
    # mmaction2's test.py accepts URLs (mmengine downloads them); only local
    # paths are checked up front.
    import importlib.util
    from mmengine.config import Config
    spec = importlib.util.spec_from_file_location(
        'tools_test', ROOT / 'tools' / 'test.py')
    tools_test = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tools_test)
    url = 'https://download.openmmlab.com/mmaction/v1.0/x.pth'
    cfg_file = tiny_config(tmp_path, synthetic_pkl)
    monkeypatch.setattr(sys, 'argv', ['test.py', str(cfg_file), url,
                                      '--work-dir', str(tmp_path / 'w')])
    cfg = tools_test.merge_args(Config.fromfile(str(cfg_file)),
                                tools_test.parse_args())
    assert cfg.load_from == url
