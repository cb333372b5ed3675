# Copyright (c) mmaction-pose. All rights reserved.
"""The demos and the webcam benchmark with ``--action-backend
onnxruntime``: same labels as PyTorch, clear errors, side-by-side report."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ROOT, SHARED_DATA, load_script
from mmaction_pose.deployment.export import export_onnx

demo = load_script('demo/demo_skeleton.py')
webcam = load_script('demo/webcam_demo.py')
benchmark = load_script('tools/analysis_tools/benchmark_webcam_demo.py')
JHMDB_VIDEO = (SHARED_DATA / 'jhmdb_catch' /
               'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi')
PENN_CFG = ROOT / 'configs' / 'posec3d' / 'penn_action_keypoint.py'
PENN_CKPT = next((ROOT / 'configs' / 'posec3d' / 'penn_action').glob(
    'penn_action_keypoint_*.pth'))
FAKE = ['--pose-backend', 'conftest:FakePoseBackend']


@pytest.fixture(scope='module')
def demo_onnx(skeleton_model, tmp_path_factory) -> Path:
    """The quickstart architecture (random weights), one clip, no flip."""
    path = tmp_path_factory.mktemp('onnx') / 'demo.onnx'
    export_onnx(skeleton_model[0], skeleton_model[1], str(path),
                num_clips=1, flip=False)
    return path


@pytest.fixture(scope='module')
def full_onnx(skeleton_model, tmp_path_factory) -> Path:
    """The same model with the config's test protocol (5 clips x 2 flips)."""
    path = tmp_path_factory.mktemp('onnx') / 'full.onnx'
    export_onnx(skeleton_model[0], skeleton_model[1], str(path))
    return path


def _labels(out: str) -> list[str]:
    return [line for line in out.splitlines() if ': 0.' in line]


def test_demo_skeleton_onnxruntime_equals_torch(tiny_video, tmp_path,
                                                skeleton_model, full_onnx,
                                                demo_onnx, capsys):
    args = [str(tiny_video), str(tmp_path / 'o.mp4'), '--short-side', '0',
            *FAKE]
    config, ckpt = skeleton_model
    assert demo.main(args + ['--config', config, '--checkpoint', ckpt]) == 0
    torch_labels = _labels(capsys.readouterr().out)
    assert demo.main(args + ['--action-backend', 'onnxruntime', '--onnx',
                             str(full_onnx)]) == 0
    assert _labels(capsys.readouterr().out) == torch_labels
    assert len(torch_labels) == 3
    # a graph exported without the flip, for a pipeline with it
    assert demo.main(args + ['--action-backend', 'onnxruntime', '--onnx',
                             str(demo_onnx)]) == 1
    assert 'export it again with --flip' in capsys.readouterr().err


def test_webcam_demo_on_onnxruntime(tiny_video, demo_onnx, capsys):
    rc = webcam.main(['--source', str(tiny_video), '--headless', '--window',
                      '8', '--stride', '2', '--action-backend',
                      'onnxruntime', '--onnx', str(demo_onnx), *FAKE])
    assert rc == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary['recognitions'] >= 1 and summary['labels']


def test_backend_options_are_checked(tiny_video, tmp_path, demo_onnx,
                                     capsys):
    base = [str(tiny_video), str(tmp_path / 'o.mp4'), *FAKE]
    assert demo.main(base + ['--action-backend', 'onnxruntime']) == 1
    assert 'needs --onnx' in capsys.readouterr().err
    assert demo.main(base + ['--onnx', str(demo_onnx)]) == 1
    assert 'needs --action-backend onnxruntime' in capsys.readouterr().err
    assert demo.main(base + ['--action-backend', 'onnxruntime', '--onnx',
                             str(tmp_path / 'none.onnx')]) == 1
    assert 'not found' in capsys.readouterr().err


def test_benchmark_reports_both_backends_side_by_side(
        tiny_video, tmp_path, skeleton_model, demo_onnx, capsys):
    out = tmp_path / 'bench.json'
    rc = benchmark.main([str(tiny_video), '--config', skeleton_model[0],
                         '--random-weights', '--repeat', '2', '--resize',
                         '64', '48', '--window', '8', '--action-backends',
                         'torch', 'onnxruntime', '--onnx', str(demo_onnx),
                         '--json', str(out), *FAKE])
    assert rc == 0
    text = capsys.readouterr().out
    assert 'recognition latency onnxruntime / torch' in text
    result = json.loads(out.read_text())
    assert set(result['backends']) == {'torch', 'onnxruntime'}
    for res in result['backends'].values():
        assert res['fps'] > 0 and len(res['runs']) == 2
        assert res['recognition_ms'] > 0


@pytest.mark.skipif(not JHMDB_VIDEO.exists(),
                    reason='../shared/data not available')
def test_real_clip_same_labels_on_both_backends(tmp_path, capsys):
    """The committed Penn Action model on the real JHMDB clip with
    mediapipe poses: onnxruntime prints PyTorch's top-3 (10 clips x 2
    flips, as the config tests)."""
    onnx = tmp_path / 'penn.onnx'
    export_onnx(str(PENN_CFG), str(PENN_CKPT), str(onnx), verify=False)
    args = [str(JHMDB_VIDEO), str(tmp_path / 'a.mp4')]
    assert demo.main(args) == 0  # the default model: the same checkpoint
    torch_labels = _labels(capsys.readouterr().out)
    assert demo.main(args + ['--action-backend', 'onnxruntime', '--onnx',
                             str(onnx)]) == 0
    assert _labels(capsys.readouterr().out) == torch_labels
    assert len(torch_labels) == 3
