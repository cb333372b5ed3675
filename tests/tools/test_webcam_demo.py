# Copyright (c) mmaction-pose. All rights reserved.
"""demo/webcam_demo.py, fed a video file instead of a camera, and the FPS
benchmark script."""
from __future__ import annotations

import json

import pytest

from conftest import SHARED_DATA, load_script
from mmaction_pose.apis.video_io import read_video

JHMDB_VIDEO = (SHARED_DATA / 'jhmdb_catch' /
               'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi')


webcam = load_script('demo/webcam_demo.py')
benchmark = load_script('tools/analysis_tools/benchmark_webcam_demo.py')


def test_webcam_demo_headless_from_video_file(tiny_video, tmp_path,
                                              skeleton_model, capsys):
    config, ckpt = skeleton_model
    out = tmp_path / 'live.mp4'
    rc = webcam.main(['--source', str(tiny_video), '--headless',
                      '--output', str(out), '--config', config,
                      '--checkpoint', ckpt, '--window', '8', '--stride', '2',
                      '--pose-backend', 'conftest:FakePoseBackend'])
    assert rc == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary['frames'] == 12 and summary['recognitions'] >= 1
    assert len(read_video(str(out))[0]) == 12


def test_webcam_demo_missing_camera_is_a_clear_error(tmp_path,
                                                     skeleton_model, capsys):
    rc = webcam.main(['--source', str(tmp_path / 'nope.mp4'), '--headless',
                      '--config', skeleton_model[0], '--checkpoint',
                      skeleton_model[1], '--pose-backend',
                      'conftest:FakePoseBackend'])
    assert rc == 1
    assert 'not found' in capsys.readouterr().err


def test_benchmark_reports_fps(tiny_video, tmp_path, skeleton_model):
    out = tmp_path / 'bench.json'
    rc = benchmark.main([str(tiny_video), '--config', skeleton_model[0],
                         '--random-weights', '--repeat', '2',
                         '--resize', '64', '48', '--window', '8',
                         '--pose-backend', 'conftest:FakePoseBackend',
                         '--json', str(out)])
    assert rc == 0
    result = json.loads(out.read_text())
    assert result['fps'] > 0 and result['checkpoint'] == 'random weights'
    assert len(result['runs']) == 2 and result['runs'][1]['frames'] == 12


@pytest.mark.slow
@pytest.mark.skipif(not JHMDB_VIDEO.exists(),
                    reason='../shared/data not available')
def test_benchmark_on_real_clip_with_mediapipe(tmp_path, skeleton_model):
    out = tmp_path / 'bench.json'
    assert benchmark.main([str(JHMDB_VIDEO), '--config', skeleton_model[0],
                           '--random-weights', '--repeat', '1', '--json',
                           str(out)]) == 0
    result = json.loads(out.read_text())
    assert result['runs'][0]['frames'] == 40 and result['fps'] > 1
