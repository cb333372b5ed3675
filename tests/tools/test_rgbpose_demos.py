# Copyright (c) mmaction-pose. All rights reserved.
"""demo/demo_skeleton.py and demo/webcam_demo.py with an RGB + pose model
(RGBPoseConv3D: frames and poses), on generated videos with random weights,
and on the real JHMDB clip with the shipped rendered-Penn-Action model."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch

from conftest import ROOT, SHARED_DATA, load_script
from mmaction_pose.apis.inference import SkeletonRecognizer
from mmaction_pose.apis.video_io import read_video

CONFIG = ROOT / 'configs' / 'rgbpose_conv3d' / 'penn_action_rendered.py'
SHIPPED = sorted((ROOT / 'configs' / 'rgbpose_conv3d' /
                  'penn_action_rendered').glob('penn_action_rendered_*.pth'))
JHMDB_VIDEO = (SHARED_DATA / 'jhmdb_catch' /
               'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi')

demo = load_script('demo/demo_skeleton.py')
webcam = load_script('demo/webcam_demo.py')


@pytest.fixture(scope='module')
def rgbpose_model(tmp_path_factory) -> tuple[str, str]:
    """The CPU RGBPoseConv3D config and a random-weight checkpoint."""
    recognizer = SkeletonRecognizer(str(CONFIG), None)
    ckpt = tmp_path_factory.mktemp('rgbpose') / 'random.pth'
    torch.save(recognizer.model.state_dict(), ckpt)
    return str(CONFIG), str(ckpt)


def test_recognizer_takes_frames_and_poses(rgbpose_model, rng):
    recognizer = SkeletonRecognizer(*rgbpose_model, num_clips=1)
    assert recognizer.uses_rgb and recognizer.layout.name == 'penn13'
    kp = rng.uniform(20, 100, (1, 24, 17, 2)).astype(np.float32)
    score = np.ones((1, 24, 17), np.float32)
    frames = [rng.integers(0, 255, (60, 80, 3), np.uint8) for _ in range(24)]
    with pytest.raises(ValueError, match='frames'):
        recognizer.predict(kp, score, (120, 160))
    with pytest.raises(ValueError, match='24 frames of poses'):
        recognizer.predict(kp, score, (120, 160), frames=frames[:5])
    scores = recognizer.predict(kp, score, (120, 160), frames=frames)
    assert scores.shape == (15, ) and abs(scores.sum() - 1) < 1e-4
    parts = recognizer.last_scores
    assert set(parts) == {'rgb', 'pose'}
    np.testing.assert_allclose(scores, (parts['rgb'] + parts['pose']) / 2,
                               atol=1e-6)


def test_demo_skeleton_with_rgbpose_model(tiny_video, tmp_path,
                                          rgbpose_model, capsys):
    config, ckpt = rgbpose_model
    out = tmp_path / 'out.mp4'
    rc = demo.main([str(tiny_video), str(out), '--config', config,
                    '--checkpoint', ckpt, '--short-side', '0',
                    '--pose-backend', 'conftest:FakePoseBackend'])
    assert rc == 0
    assert len(read_video(str(out))[0]) == 12
    assert capsys.readouterr().out.count(': 0.') >= 3  # top-3 labels


def test_webcam_demo_with_rgbpose_model(tiny_video, tmp_path, rgbpose_model,
                                        capsys):
    config, ckpt = rgbpose_model
    rc = webcam.main(['--source', str(tiny_video), '--headless',
                      '--config', config, '--checkpoint', ckpt,
                      '--window', '8', '--stride', '2',
                      '--pose-backend', 'conftest:FakePoseBackend'])
    assert rc == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary['frames'] == 12 and summary['recognitions'] >= 1
    assert len(summary['labels']) == 3


def _shipped() -> Path:
    assert len(SHIPPED) == 1, SHIPPED
    return SHIPPED[0]


@pytest.mark.skipif(not JHMDB_VIDEO.exists(),
                    reason='../shared/data not available')
def test_demos_on_real_jhmdb_clip_with_shipped_model(tmp_path, capsys):
    """Real footage, mediapipe poses, the model trained on rendered Penn
    Action: the demos run end to end and print Penn Action classes (the
    clip's class, `catch`, is not one of them)."""
    ckpt = str(_shipped())
    out = tmp_path / 'catch.mp4'
    assert demo.main([str(JHMDB_VIDEO), str(out), '--config', str(CONFIG),
                      '--checkpoint', ckpt]) == 0
    assert len(read_video(str(out))[0]) == 40
    classes = (ROOT / 'configs' / 'rgbpose_conv3d' / 'penn_action_rendered' /
               'label_map.txt').read_text().split()
    printed = capsys.readouterr().out
    assert sum(f'{c}: ' in printed for c in classes) == 3
    assert webcam.main(['--source', str(JHMDB_VIDEO), '--headless',
                        '--config', str(CONFIG), '--checkpoint', ckpt]) == 0
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert summary['frames'] == 40 and summary['recognitions'] >= 1
    assert summary['labels'][0][0] in classes
