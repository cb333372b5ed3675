# Copyright (c) mmaction-pose. All rights reserved.
"""The offline BlazePose backend: geometry helpers, blank frames, and the
shared real clips (PCK on JHMDB, two tracked people)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from conftest import SHARED_DATA
from mmaction_pose.apis.pose_backends.mediapipe_backend import (
    BLAZEPOSE33, BLAZEPOSE_TO_COCO17, alignment_roi, same_person,
    square_tiles)
from mmaction_pose.structures.skeleton_layouts import COCO17, JHMDB15

JHMDB_DIR = SHARED_DATA / 'jhmdb_catch'
JHMDB_VIDEO = JHMDB_DIR / 'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi'
MULTI_PERSON = SHARED_DATA / 'multi_person' / 'demo_skeleton.mp4'

mediapipe = pytest.importorskip('mediapipe')


def test_blazepose_to_coco17_maps_names():
    assert len(BLAZEPOSE_TO_COCO17) == 17
    assert [BLAZEPOSE33[i] for i in BLAZEPOSE_TO_COCO17] == list(
        COCO17.joints)
    # the install notes' index list
    assert BLAZEPOSE_TO_COCO17 == (0, 2, 5, 7, 8, 11, 12, 13, 14, 15, 16,
                                   23, 24, 25, 26, 27, 28)


def test_alignment_roi_upright_person():
    # scale point straight above the hip centre: no rotation
    cx, cy, side, rot = alignment_roi(np.array([50., 100.]),
                                      np.array([50., 60.]))
    assert (cx, cy) == (50, 100)
    assert side == pytest.approx(2 * 40 * 1.25)
    assert rot == pytest.approx(0)


def test_alignment_roi_lying_person_rotates_quarter_turn():
    *_, rot = alignment_roi(np.array([50., 50.]), np.array([90., 50.]))
    assert abs(rot) == pytest.approx(math.pi / 2)


@pytest.mark.parametrize('h,w,n', [(480, 640, 0), (1080, 1920, 3),
                                   (1920, 1080, 3)])
def test_square_tiles_cover_wide_frames(h, w, n):
    tiles = square_tiles(h, w)
    assert len(tiles) == n
    for x, y, s in tiles:
        assert s == min(h, w) and x + s <= w and y + s <= h


def test_same_person_uses_centre_distance():
    a = np.array([100., 100., 400., 0.])
    assert same_person(a, a + [40, 0, 0, 0], 0.2)
    assert not same_person(a, a + [150, 0, 0, 0], 0.2)


@pytest.fixture(scope='module')
def backend():
    from mmaction_pose.apis.pose_backends import build_pose_backend
    with build_pose_backend('mediapipe', max_people=2,
                            detect_interval=5) as b:
        yield b


def test_blank_frames_give_nobody(backend):
    backend.reset()
    for _ in range(3):
        poses = backend(np.full((96, 128, 3), 127, np.uint8))
        assert len(poses) == 0 and poses.keypoints.shape == (0, 17, 2)


def test_rejects_non_bgr_frames(backend):
    with pytest.raises(ValueError, match='BGR'):
        backend(np.zeros((32, 32), np.uint8))


@pytest.mark.skipif(not JHMDB_VIDEO.exists(),
                    reason='../shared/data not available')
def test_jhmdb_clip_pck_at_0_2(backend):
    """Offline poses of the real JHMDB clip vs its ground-truth joints."""
    from mmaction_pose.apis.pose_extraction import extract_video_annotation
    from mmaction_pose.datasets.converters.jhmdb import load_jhmdb_joints
    from mmaction_pose.evaluation.functional import (common_joints,
                                                     keypoint_pck,
                                                     match_track)
    gt = load_jhmdb_joints(str(JHMDB_DIR / 'joint_positions.mat'))
    gt = gt['keypoint'][0]
    anno = extract_video_annotation(str(JHMDB_VIDEO), backend)
    assert anno['total_frames'] == len(gt) == 40
    pred_idx, gt_idx, names = common_joints(COCO17, JHMDB15)
    assert len(names) == 12
    m = match_track(anno['keypoint'], anno['keypoint_score'], gt, pred_idx,
                    gt_idx)
    pred = anno['keypoint'][m][:, pred_idx]
    valid = anno['keypoint_score'][m][:, pred_idx] > 0
    pck = keypoint_pck(pred, gt[:, gt_idx], 0.2, gt_all=gt,
                       pred_valid=valid).mean()
    assert pck >= 0.7, pck


@pytest.mark.slow
@pytest.mark.skipif(not MULTI_PERSON.exists(),
                    reason='../shared/data not available')
def test_two_people_found_and_tracked_with_stable_indices(backend):
    from mmaction_pose.apis.pose_extraction import extract_video_annotation
    anno = extract_video_annotation(str(MULTI_PERSON), backend,
                                    short_side=480)
    assert anno['keypoint'].shape[:2] == (2, 72)
    present = anno['keypoint_score'].sum(-1) > 0
    assert present.all(), present.sum(1)
    # stable indices: each track's box centre moves smoothly (no swaps
    # between the two people, who start ~130 px apart at this size)
    centre = (anno['box'][..., 0] + anno['box'][..., 2]) / 2
    assert np.abs(np.diff(centre, axis=1)).max() < 40
    assert abs(centre[0, 0] - centre[1, 0]) > 80
