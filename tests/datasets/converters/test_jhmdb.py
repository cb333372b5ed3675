# Copyright (c) mmaction-pose. All rights reserved.
"""JHMDB joint_positions.mat conversion."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from scipy.io import savemat

from conftest import SHARED_DATA
from mmaction_pose.datasets.converters.jhmdb import (JHMDBFormatError,
                                                     convert_jhmdb,
                                                     load_jhmdb_joints)

SHARED_MAT = SHARED_DATA / 'jhmdb_catch' / 'joint_positions.mat'


def write_mat(path: Path, num_frames: int = 6) -> np.ndarray:
    path.parent.mkdir(parents=True, exist_ok=True)
    pos = np.random.default_rng(0).uniform(0, 240, (2, 15, num_frames))
    savemat(str(path), dict(pos_img=pos, pos_world=pos / 100))
    return pos


def test_load_jhmdb_joints_transposes(tmp_path):
    pos = write_mat(tmp_path / 'joint_positions.mat')
    anno = load_jhmdb_joints(str(tmp_path / 'joint_positions.mat'))
    assert anno['keypoint'].shape == (1, 6, 15, 2)
    assert anno['total_frames'] == 6
    np.testing.assert_allclose(anno['keypoint'][0, 2, 4], pos[:, 4, 2],
                               rtol=1e-5)
    assert (anno['keypoint_score'] == 1).all()


def test_bad_mat_is_reported(tmp_path):
    savemat(str(tmp_path / 'x.mat'), dict(pos_img=np.zeros((2, 13, 3))))
    with pytest.raises(JHMDBFormatError, match=r'\(2, 13, 3\)'):
        load_jhmdb_joints(str(tmp_path / 'x.mat'))


def test_convert_jhmdb_tree_with_splits(tmp_path):
    for cls, video in (('catch', 'v1'), ('catch', 'v2'), ('run', 'v3')):
        write_mat(tmp_path / 'joint_positions' / cls / video /
                  'joint_positions.mat')
    (tmp_path / 'splits').mkdir()
    (tmp_path / 'splits' / 'catch_test_split1.txt').write_text(
        'v1.avi 1\nv2.avi 2\n')
    (tmp_path / 'splits' / 'run_test_split1.txt').write_text('v3.avi 1\n')
    data = convert_jhmdb(str(tmp_path))
    assert data['classes'] == ['catch', 'run']
    assert data['split'] == dict(train1=['v1', 'v3'], test1=['v2'])
    labels = {a['frame_dir']: a['label'] for a in data['annotations']}
    assert labels == dict(v1=0, v2=0, v3=1)
    assert data['annotations'][0]['img_shape'] == (240, 320)


@pytest.mark.skipif(not SHARED_MAT.exists(),
                    reason='../shared/data not available')
def test_shared_clip_joints():
    anno = load_jhmdb_joints(str(SHARED_MAT))
    assert anno['keypoint'].shape == (1, 40, 15, 2)
    assert (anno['keypoint'][..., 0] < 320).all()
    assert (anno['keypoint'][..., 1] < 240).all()
