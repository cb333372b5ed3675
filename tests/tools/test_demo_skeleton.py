# Copyright (c) mmaction-pose. All rights reserved.
"""demo/demo_skeleton.py on tiny generated videos and the shared clip."""
from __future__ import annotations

import pickle

import pytest

from conftest import SHARED_DATA, load_script
from mmaction_pose.apis.video_io import read_video

JHMDB_VIDEO = (SHARED_DATA / 'jhmdb_catch' /
               'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi')


demo = load_script('demo/demo_skeleton.py')


def test_demo_writes_annotated_video_and_poses(tiny_video, tmp_path,
                                               skeleton_model, capsys):
    config, ckpt = skeleton_model
    out = tmp_path / 'out.mp4'
    rc = demo.main([str(tiny_video), str(out), '--config', config,
                    '--checkpoint', ckpt, '--short-side', '0',
                    '--pose-backend', 'conftest:FakePoseBackend',
                    '--save-poses', str(tmp_path / 'poses.pkl')])
    assert rc == 0
    frames, fps = read_video(str(out))
    assert len(frames) == 12 and frames[0].shape == (64, 96, 3)
    with open(tmp_path / 'poses.pkl', 'rb') as f:
        anno = pickle.load(f)
    assert anno['keypoint'].shape == (2, 12, 17, 2)
    assert capsys.readouterr().out.count(': 0.') >= 3  # top-3 labels


def test_demo_unreadable_video_is_a_clear_error(tmp_path, skeleton_model,
                                                capsys):
    bad = tmp_path / 'bad.mp4'
    bad.write_text('nope')
    rc = demo.main([str(bad), str(tmp_path / 'o.mp4'), '--config',
                    skeleton_model[0], '--checkpoint', skeleton_model[1]])
    assert rc == 1
    assert 'cannot open video' in capsys.readouterr().err


def test_demo_without_model_explains_default(tiny_video, tmp_path, capsys,
                                             monkeypatch):
    from mmaction_pose.apis import inference
    monkeypatch.setattr(inference, 'DEFAULT_CHECKPOINT_DIR',
                        tmp_path / 'none')
    rc = demo.main([str(tiny_video), str(tmp_path / 'o.mp4')])
    assert rc == 1
    assert 'Penn Action model is not available' in capsys.readouterr().err


@pytest.mark.slow
@pytest.mark.skipif(not JHMDB_VIDEO.exists(),
                    reason='../shared/data not available')
def test_demo_on_real_clip_with_mediapipe(tmp_path, skeleton_model):
    config, ckpt = skeleton_model
    out = tmp_path / 'catch.mp4'
    assert demo.main([str(JHMDB_VIDEO), str(out), '--config', config,
                      '--checkpoint', ckpt]) == 0
    assert len(read_video(str(out))[0]) == 40
