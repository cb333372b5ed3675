# Copyright (c) mmaction-pose. All rights reserved.
"""The lite setup (mmcv without compiled ops): the one-line errors of the
features that need the ops, ``check_stack`` in both modes, and the mode
logic of ``tools/setup_env.sh`` (stamp check only; nothing is installed).

The lite environment is simulated by monkeypatching
``compat.mmcv_has_ops``; the suite itself runs in the full one.
"""
from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys

import pytest

from conftest import ROOT, load_script
from mmaction_pose.apis.pose_backends import (add_pose_backend_args,
                                              build_pose_backend)
from mmaction_pose.utils import compat


@pytest.fixture
def lite(monkeypatch):
    """mmcv looks installed without ``mmcv._ext``; mmdet / mmpose APIs
    would fail to import (they need the ops), so nothing may load them."""
    monkeypatch.setattr(compat, 'mmcv_has_ops', lambda: False)
    for name in ('mmdet.apis', 'mmpose.apis'):
        monkeypatch.setitem(sys.modules, name, None)


def _one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


def test_mmcv_has_ops_in_the_test_env():
    assert compat.mmcv_has_ops() is True  # `make test` runs the full setup


def test_mmpose_backend_fails_at_construction_with_one_line(lite):
    from mmaction_pose.apis.pose_backends.mmpose_backend import MMPoseBackend
    with pytest.raises(compat.MMCVOpsMissingError) as e:
        MMPoseBackend('det.py', None, 'pose.py', None)  # nothing is loaded
    msg = _one_line(str(e.value))
    assert msg == compat.OPS_MISSING
    assert 'without its compiled ops' in msg and 'make setup-full' in msg
    # the demos catch ValueError; RuntimeError for everyone else
    assert isinstance(e.value, ValueError)
    assert isinstance(e.value, RuntimeError)
    with pytest.raises(compat.MMCVOpsMissingError):
        build_pose_backend('mmpose', det_config='det.py', det_checkpoint=None,
                           pose_config='pose.py', pose_checkpoint=None)


@pytest.mark.parametrize('script', ['demo/demo_skeleton.py',
                                    'demo/webcam_demo.py'])
def test_cli_pose_backend_mmpose_exits_at_parse_time(lite, script, capsys):
    demo = load_script(script)
    argv = ['--pose-backend', 'mmpose', '--det-config', 'd.py',
            '--pose-config', 'p.py']
    if 'skeleton' in script:
        argv = ['in.mp4', 'out.mp4'] + argv
    with pytest.raises(SystemExit) as e:
        demo.parse_args(argv)
    assert e.value.code == 2
    err = capsys.readouterr().err
    assert _one_line(err).endswith(compat.OPS_MISSING)


def test_cli_other_backends_parse_without_ops(lite):
    parser = argparse.ArgumentParser()
    add_pose_backend_args(parser)
    assert parser.parse_args([]).pose_backend == 'mediapipe'
    args = parser.parse_args(['--pose-backend', 'conftest:FakePoseBackend'])
    assert args.pose_backend == 'conftest:FakePoseBackend'


def test_cli_mmpose_parses_with_ops(monkeypatch):
    monkeypatch.setattr(compat, 'mmcv_has_ops', lambda: True)
    parser = argparse.ArgumentParser()
    add_pose_backend_args(parser)
    assert parser.parse_args(['--pose-backend',
                              'mmpose']).pose_backend == 'mmpose'


def test_pa3d_feature_tool_fails_with_one_line(lite, tmp_path, capsys):
    tool = load_script('tools/data/pa3d/extract_pose_features.py')
    with pytest.raises(SystemExit) as e:
        tool.main([str(tmp_path), str(tmp_path / 'out'), '--pose-config',
                   'p.py', '--pose-checkpoint', 'none'])
    msg = _one_line(str(e.value.code))
    assert 'mmpose' in msg and 'make setup-full' in msg
    assert not (tmp_path / 'out').exists()


def test_check_stack_lite(lite):
    versions = compat.check_stack()  # auto-detects the lite setup
    assert versions['mmcv'].endswith('(lite: no ops)')
    assert {'mmengine', 'mmaction2', 'torch'} <= set(versions)
    assert 'mmdet' not in versions and 'mmpose' not in versions


def test_check_stack_explicit_modes(capsys):
    lite = compat.check_stack(verbose=True, with_ops=False)
    assert 'mmdet' not in lite
    assert 'stack OK (lite; built synthetic_keypoint.py)' in \
        capsys.readouterr().out
    full = compat.check_stack(with_ops=True)
    assert full['mmcv'] == lite['mmcv'].split()[0]
    assert 'mmdet' in full and 'mmpose' in full


def test_check_stack_full_fails_without_ops(lite):
    with pytest.raises(ImportError):  # mmcv.ops / mmdet.apis are missing
        compat.check_stack(with_ops=True)


# tools/setup_env.sh: only its stamp decision runs. PYTHON=false makes it
# stop right after the decision when it goes on to install ("too old").
def _digest() -> str:
    """The script's hash of the pins and of itself."""
    h = hashlib.sha1()
    for name in sorted(os.listdir(ROOT / 'tools' / 'requirements')):
        if name.endswith('.txt'):
            h.update((ROOT / 'tools' / 'requirements' / name).read_bytes())
    h.update((ROOT / 'tools' / 'setup_env.sh').read_bytes())
    return h.hexdigest()


def _setup(tmp_path, stamp: str | None, *args: str,
           **env: str) -> subprocess.CompletedProcess:
    venv = tmp_path / 'venv'
    venv.mkdir(exist_ok=True)
    if stamp is not None:
        (venv / '.mmaction_pose_setup_done').write_text(stamp + '\n')
    run_env = {k: v for k, v in os.environ.items() if k != 'MMCV_OPS'}
    run_env.update(VENV=str(venv), PYTHON='false',
                   MMACTION_POSE_WHEELS=str(tmp_path / 'wheels'), **env)
    out = subprocess.run(['bash', str(ROOT / 'tools' / 'setup_env.sh'),
                          *args], env=run_env, capture_output=True,
                         text=True, timeout=30)
    assert not (tmp_path / 'wheels').exists()  # nothing was set up
    return out


@pytest.mark.parametrize(
    'stamp_mode, request_args, request_env',
    [('full', (), {}), ('full', ('--lite', ), {}),
     ('full', (), dict(MMCV_OPS='0')), ('lite', ('--lite', ), {}),
     ('lite', (), dict(MMCV_OPS='0'))])
def test_setup_is_a_noop_when_the_stamp_covers_the_request(
        tmp_path, stamp_mode, request_args, request_env):
    out = _setup(tmp_path, f'{stamp_mode} {_digest()}', *request_args,
                 **request_env)
    assert out.returncode == 0, out.stderr
    assert f'up to date ({stamp_mode}' in out.stdout


@pytest.mark.parametrize(
    'stamp, request_args, request_env',
    [
        (None, ('--lite', ), {}),  # fresh venv
        ('lite {digest}', (), {}),  # lite asked for full: upgrade
        ('lite {digest}', ('--full', ), dict(MMCV_OPS='0')),
        ('lite {digest}', (), dict(MMCV_OPS='1')),
        ('full 0000', ('--lite', ), {}),  # pins or script changed
        ('{digest}  -', (), {}),  # the stamp before lite setups existed
    ])
def test_setup_goes_on_when_the_stamp_does_not_cover_the_request(
        tmp_path, stamp, request_args, request_env):
    stamp = None if stamp is None else stamp.format(digest=_digest())
    out = _setup(tmp_path, stamp, *request_args, **request_env)
    assert out.returncode == 1 and 'too old' in out.stderr, out
    assert 'up to date' not in out.stdout


def test_setup_rejects_unknown_arguments(tmp_path):
    out = _setup(tmp_path, None, '--fast')
    assert out.returncode == 2 and 'usage' in out.stderr
