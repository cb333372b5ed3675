# Copyright (c) mmaction-pose. All rights reserved.
"""tools/analysis_tools/pose_pck.py: exact PCK on a generated clip, and the
real JHMDB clip."""
from __future__ import annotations

import json

import numpy as np
import pytest
from scipy.io import savemat

from conftest import SHARED_DATA, FakePoseBackend, load_script
from mmaction_pose.apis.pose_extraction import extract_video_annotation
from mmaction_pose.evaluation.functional import common_joints
from mmaction_pose.structures.skeleton_layouts import COCO17, JHMDB15

JHMDB_DIR = SHARED_DATA / 'jhmdb_catch'


tool = load_script('tools/analysis_tools/pose_pck.py')


def test_pck_is_exact_on_matching_ground_truth(tiny_video, tmp_path,
                                               capsys):
    anno = extract_video_annotation(str(tiny_video), FakePoseBackend(1))
    pred_idx, gt_idx, _ = common_joints(COCO17, JHMDB15)
    gt = np.zeros((12, 15, 2))
    gt[:, gt_idx] = anno['keypoint'][0][:, pred_idx]
    gt[5, gt_idx] = gt[4, gt_idx]  # frame 5 is dark: the estimate is missing
    others = [g for g in range(15) if g not in gt_idx]
    gt[:, others] = gt[:, gt_idx].mean(1, keepdims=True)
    mat = tmp_path / 'joint_positions.mat'
    savemat(str(mat), dict(pos_img=gt.transpose(2, 1, 0)))
    assert tool.main([str(tiny_video), str(mat), '--pose-backend',
                      'conftest:FakePoseBackend', '--max-people', '1']) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result['pck'] == pytest.approx(11 / 12, abs=1e-4)
    assert result['frames'] == 12 and len(result['per_joint']) == 12


@pytest.mark.skipif(not JHMDB_DIR.exists(),
                    reason='../shared/data not available')
def test_pck_on_real_jhmdb_clip(capsys):
    video = JHMDB_DIR / 'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi'
    assert tool.main([str(video), str(JHMDB_DIR / 'joint_positions.mat')
                      ]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result['pck'] >= 0.7
