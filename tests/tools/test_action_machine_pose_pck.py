# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine's pose branch as a pose estimator: crop -> clips ->
decode -> frame pixels, and tools/analysis_tools/action_machine_pose_pck.py
on a generated clip and on the real JHMDB clip."""
from __future__ import annotations

import json

import numpy as np
import pytest
import torch
from scipy.io import savemat

from conftest import SHARED_DATA, load_script
from mmaction_pose.apis.person_pose_estimation import (estimate_video_poses,
                                                       load_pose_branch)

CONFIG = 'configs/action_machine/action_machine_penn_action_rendered.py'
JHMDB_DIR = SHARED_DATA / 'jhmdb_catch'
tool = load_script('tools/analysis_tools/action_machine_pose_pck.py')


@pytest.fixture(scope='module')
def random_checkpoint(tmp_path_factory):
    model, _, _ = load_pose_branch(CONFIG, None)
    path = tmp_path_factory.mktemp('am') / 'random.pth'
    torch.save(dict(state_dict=model.state_dict()), path)
    return str(path)


def test_load_reads_the_input_size_and_clip_length():
    model, size, clip_len = load_pose_branch(CONFIG, None)
    assert size == (96, 96) and clip_len == 8 and not model.training


def test_crop_coordinates_map_back_to_the_frames(monkeypatch):
    model, size, clip_len = load_pose_branch(CONFIG, None)
    seen = []

    def fake_predict(feats):  # every joint at the crop pixel (24, 72)
        seen.append(feats.shape[0])
        n = feats.shape[0] * feats.shape[2]
        kps = torch.tensor([24., 72.]).expand(n, 13, 2).clone()
        return None, kps, torch.ones(n, 13)

    monkeypatch.setattr(model.pose_head, 'predict', fake_predict)
    frames = [np.zeros((60, 80, 3), np.uint8)] * 11  # not a multiple of 8
    # box 40 wide, 20 high -> squared to 40x40 about (30, 30): [10, 10, 50, 50]
    kps, score = estimate_video_poses(model, frames, [10, 20, 50, 40], size,
                                      clip_len)
    assert kps.shape == (11, 13, 2) and score.shape == (11, 13)
    assert seen == [2]  # 11 frames -> 2 clips, the last one padded
    np.testing.assert_allclose(kps[..., 0], 10 + 24 * 40 / 96)
    np.testing.assert_allclose(kps[..., 1], 10 + 72 * 40 / 96)


def test_tool_on_a_generated_clip(tiny_video, tmp_path, capsys,
                                  random_checkpoint):
    gt = np.tile(np.linspace(10, 50, 15)[:, None], (12, 1, 2))
    mat = tmp_path / 'joint_positions.mat'
    savemat(str(mat), dict(pos_img=gt.transpose(2, 1, 0)))
    for box in ('detector', 'gt', 'full'):
        assert tool.main([CONFIG, random_checkpoint, str(tiny_video),
                          str(mat), '--box', box, '--pose-backend',
                          'conftest:FakePoseBackend']) == 0
        out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert out['frames'] == 12 and out['box'] == box
        assert len(out['joints']) == 12  # the limbs all three layouts name
        for key in ('action_machine', 'conftest:FakePoseBackend'):
            assert 0 <= out[key]['pck'] <= 1
    assert out['crop_box'] == [0.0, 0.0, 96.0, 64.0]


@pytest.mark.skipif(not JHMDB_DIR.exists(),
                    reason='../shared/data/jhmdb_catch not present')
def test_tool_on_the_real_jhmdb_clip(capsys, random_checkpoint):
    pytest.importorskip('mediapipe')
    video = JHMDB_DIR / 'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi'
    assert tool.main([CONFIG, random_checkpoint, str(video),
                      str(JHMDB_DIR / 'joint_positions.mat')]) == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out['frames'] == 40 or out['frames'] > 0
    assert out['mediapipe']['pck'] > 0.5  # the backend finds the goalie
    assert 0 <= out['action_machine']['pck'] <= 1
