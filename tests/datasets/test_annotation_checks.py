# Copyright (c) mmaction-pose. All rights reserved.
"""annotation_checks: what a pipeline needs, what its skeleton needs, and
the NaN handling reported once per file (the corruption fuzz test is
test_annotation_fuzz.py)."""
from __future__ import annotations

import logging
import pickle

import numpy as np
import pytest
from mmengine.config import Config
from mmengine.dataset import Compose
from mmengine.logging import MMLogger

from conftest import ROOT
from mmaction_pose.datasets import PoseDataset
from mmaction_pose.datasets.annotation_checks import (
    JointRequirement, check_sample, pipeline_joint_requirement, pipeline_needs)

BASES = ROOT / 'configs' / '_base_' / 'datasets'
POSE = {'keypoint', 'total_frames', 'img_shape'}


def _pipeline(base: str, key: str, modality: str | None = None) -> Compose:
    steps = Config.fromfile(str(BASES / base))[key]
    return Compose(steps[modality] if modality else steps)


@pytest.mark.parametrize('base, key, modality, needs', [
    ('synthetic_keypoint.py', 'train_pipeline', None, POSE),
    ('synthetic_keypoint.py', 'test_pipeline', None, POSE),
    ('penn_action_pa3d.py', 'train_pipelines', 'joint_paf_jdiff', POSE),
    ('jhmdb_pa3d.py', 'train_pipelines', 'feature', {'total_frames'}),
    ('penn_action_rendered/rgb.py', 'train_pipeline', None, POSE),
    ('penn_action_rendered/rpan_rgb.py', 'train_pipeline', None,
     {'keypoint', 'total_frames'}),
    ('penn_action_rendered/action_machine.py', 'train_pipeline', None,
     {'keypoint', 'total_frames', 'box'}),
])
def test_pipeline_needs(base, key, modality, needs):
    assert pipeline_needs(_pipeline(base, key, modality)) == needs


def test_an_empty_pipeline_needs_nothing():
    assert pipeline_needs(Compose([])) == frozenset()


@pytest.mark.parametrize('base, key, modality, expected', [
    ('synthetic_keypoint.py', 'train_pipeline', None,
     JointRequirement(17, 'Flip')),
    ('synthetic_keypoint.py', 'val_pipeline', None, JointRequirement()),
    ('penn_action_pa3d.py', 'train_pipelines', 'paf',
     JointRequirement(13, 'Flip', 13,
                      "GeneratePartAffinityFields(layout='penn13')")),
])
def test_pipeline_joint_requirement(base, key, modality, expected):
    assert pipeline_joint_requirement(_pipeline(base, key,
                                                modality)) == expected


def _anno(i: int) -> dict:
    kp = np.full((1, 4, 17, 2), 10., np.float32)
    return dict(frame_dir=f'v{i}',
                label=0,
                total_frames=4,
                img_shape=(32, 32),
                keypoint=kp,
                keypoint_score=np.ones((1, 4, 17), np.float32))


def test_nan_joint_becomes_a_missing_joint():
    anno = _anno(0)
    anno['keypoint'][0, 1, 2, 0] = np.nan
    repairs = check_sample(anno, 0, 'a.pkl')
    assert repairs.missing_joints == 1 and repairs.samples_with_missing == 1
    assert anno['keypoint_score'][0, 1, 2] == 0
    assert (anno['keypoint'][0, 1, 2] == 0).all()
    assert anno['keypoint_score'].sum() == 4 * 17 - 1


def test_nan_without_scores_zeroes_the_coordinates_only():
    anno = _anno(0)
    del anno['keypoint_score']
    anno['keypoint'][0, 1, 2, 1] = np.nan
    check_sample(anno, 0, 'a.pkl')
    assert 'keypoint_score' not in anno
    assert (anno['keypoint'][0, 1, 2] == 0).all()


def test_nan_handling_is_reported_once_per_file(tmp_path, monkeypatch):
    annos = [_anno(i) for i in range(3)]
    annos[0]['keypoint'][0, 0, 0] = np.nan
    annos[2]['keypoint_score'][0, 3, 4:6] = np.nan
    path = tmp_path / 'ann.pkl'
    path.write_bytes(pickle.dumps(annos))
    messages = []
    logger = MMLogger.get_current_instance()
    monkeypatch.setattr(
        logger, 'log', lambda level, msg, *a, **k: messages.append(
            (level, msg)))
    PoseDataset(str(path), [dict(type='PoseCompact')])
    warnings = [m for lvl, m in messages if lvl == logging.WARNING]
    assert len(warnings) == 1
    assert "3 joint(s) in 2 sample(s) have NaN" in warnings[0]
    assert "first: annotation file" in warnings[0] and 'sample #0' in \
        warnings[0]


@pytest.mark.parametrize('box, score, match', [
    (np.zeros((1, 4, 5)), None, r"'box' must be one \(4,\) box or"),
    (np.zeros((1, 3, 4)), None, "has 3 frames but total_frames=4"),
    (np.array([5., 5., 2., 9.]), None, 'x2 > x1'),
    (np.full((1, 4, 4), np.inf), None, 'infinite'),
    (np.ones((1, 4, 4)), np.ones((2, 4)), r"'box_score' must have shape"),
    ([0, 0, 5, 5], None, 'numpy array'),
])
def test_a_bad_person_box_fails_at_load_time(box, score, match):
    # Action Machine's PersonBoxCrop reads `box`: checked when present
    anno = _anno(3)
    anno['box'] = box
    if score is not None:
        anno['box_score'] = score
    with pytest.raises(ValueError, match=r"sample #3 \(frame_dir='v3'\)"):
        check_sample(anno, 3, 'a.pkl', needs=frozenset({'box'}))
    with pytest.raises(ValueError, match=match):
        check_sample(anno, 3, 'a.pkl', needs=frozenset({'box'}))
    check_sample(anno, 3, 'a.pkl', needs=frozenset())  # not read: ignored


def test_good_person_boxes_pass():
    for box in (np.array([1., 2., 30., 40.]), np.ones((1, 4, 4))):
        anno = _anno(0)
        anno['box'], anno['box_score'] = box, np.ones(box.shape[:-1])
        check_sample(anno, 0, 'a.pkl', needs=frozenset({'box'}))
