# Copyright (c) mmaction-pose. All rights reserved.
"""mmdet + mmpose backend from config + checkpoint files, on a tiny image:
RTMDet-tiny and RTMPose-t configs from the installed packages, random
weights saved by the test (real weights cannot be downloaded here)."""
from __future__ import annotations

import os.path as osp

import numpy as np
import pytest
import torch

mmdet = pytest.importorskip('mmdet')
mmpose = pytest.importorskip('mmpose')
pytest.importorskip('mmcv.ops')

DET_CFG = osp.join(mmdet.__path__[0], '.mim', 'configs', 'rtmdet',
                   'rtmdet_tiny_8xb32-300e_coco.py')
POSE_CFG = osp.join(mmpose.__path__[0], '.mim', 'configs',
                    'body_2d_keypoint', 'rtmpose', 'coco',
                    'rtmpose-t_8xb256-420e_coco-256x192.py')


@pytest.fixture(scope='module')
def checkpoints(tmp_path_factory):
    """Random-weight checkpoints; the detector's head is set so that every
    anchor predicts a valid, person-class box (random regression outputs
    are negative distances, i.e. no box at all)."""
    from mmdet.apis import init_detector
    from mmengine.registry import DefaultScope
    from mmpose.apis import init_model
    tmp = tmp_path_factory.mktemp('mm_ckpt')
    with DefaultScope.overwrite_default_scope('mmdet'):
        det = init_detector(DET_CFG, None, device='cpu')
    for conv in det.bbox_head.rtm_reg:
        torch.nn.init.zeros_(conv.weight)
        torch.nn.init.constant_(conv.bias, 2.0)
    for conv in det.bbox_head.rtm_cls:
        torch.nn.init.zeros_(conv.weight)
        conv.bias.data.fill_(-5.0)
        conv.bias.data[0] = 3.0
    torch.save(det.state_dict(), tmp / 'det.pth')
    with DefaultScope.overwrite_default_scope('mmpose'):
        pose = init_model(POSE_CFG, None, device='cpu')
    torch.save(pose.state_dict(), tmp / 'pose.pth')
    return str(tmp / 'det.pth'), str(tmp / 'pose.pth')


@pytest.mark.slow
def test_mmpose_backend_from_checkpoint_files(checkpoints):
    from mmengine.registry import DefaultScope

    from mmaction_pose.apis.pose_backends import build_pose_backend
    from mmengine.config import Config
    det_ckpt, pose_ckpt = checkpoints
    det_cfg = Config.fromfile(DET_CFG)  # every anchor is a box: keep few
    det_cfg.model.test_cfg.update(nms_pre=50, max_per_img=5)
    backend = build_pose_backend(
        'mmpose', det_config=det_cfg, det_checkpoint=det_ckpt,
        pose_config=POSE_CFG, pose_checkpoint=pose_ckpt, max_people=3)
    assert DefaultScope.get_current_instance().scope_name == 'mmaction_pose'
    poses = backend(np.random.default_rng(0).integers(
        0, 255, (64, 96, 3), dtype=np.uint8))
    assert DefaultScope.get_current_instance().scope_name == 'mmaction_pose'
    assert 1 <= len(poses) <= 3
    assert poses.keypoints.shape == (len(poses), 17, 2)
    assert poses.scores.shape == (len(poses), 17)
    assert ((poses.scores >= 0) & (poses.scores <= 1)).all()
    # no box passes a threshold above every score: empty, no crash
    backend.det_score_thr = 1.1
    assert len(backend(np.zeros((64, 96, 3), np.uint8))) == 0


def test_mmpose_backend_rejects_non_coco_pose_model(checkpoints):
    """A 26-keypoint (Halpe) model is refused with a clear message."""
    from mmaction_pose.apis.pose_backends import build_pose_backend
    cfg = osp.join(mmpose.__path__[0], '.mim', 'configs',
                   'body_2d_keypoint', 'rtmpose', 'body8',
                   'rtmpose-t_8xb1024-700e_body8-halpe26-256x192.py')
    with pytest.raises(ValueError, match='COCO-17'):
        build_pose_backend('mmpose', det_config=DET_CFG,
                           det_checkpoint=checkpoints[0], pose_config=cfg,
                           pose_checkpoint=None)
