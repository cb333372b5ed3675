# Copyright (c) mmaction-pose. All rights reserved.
"""NTU .skeleton parsing: frame alignment, body identity, splits."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import write_ntu_skeleton
from mmaction_pose.datasets.converters.ntu_skeleton import (
    NTUSkeletonFormatError, ntu_skeleton_to_annotation, ntu_splits,
    parse_ntu_name, read_ntu_skeleton)


def test_frames_without_bodies_keep_their_index(tmp_path):
    path = write_ntu_skeleton(tmp_path / 'S001C002P003R001A013.skeleton', [
        [('7', 1.0)], [], [('7', 2.0)], [('7', 3.0), ('9', 5.0)]])
    anno = ntu_skeleton_to_annotation(str(path))
    assert anno['frame_dir'] == 'S001C002P003R001A013'
    assert anno['label'] == 12
    assert anno['total_frames'] == 4
    assert anno['img_shape'] == (1080, 1920)
    assert anno['keypoint'].shape == (2, 4, 25, 2)
    # body '7' is person 0 in every frame; frame 1 is empty
    np.testing.assert_allclose(anno['keypoint'][0, :, 0, 0],
                               [100, 0, 200, 300])
    np.testing.assert_allclose(anno['keypoint'][1, :, 0, 0], [0, 0, 0, 500])
    np.testing.assert_allclose(anno['keypoint'][0, 2, 3], [203, 503])
    assert anno['keypoint_score'][0, 1].sum() == 0
    assert anno['keypoint_score'][0, 0, 0] == 1.0


def test_inferred_joints_score_half(tmp_path):
    path = write_ntu_skeleton(tmp_path / 'S001C001P001R001A001.skeleton',
                          [[('1', 1.0, 1)]])
    assert ntu_skeleton_to_annotation(str(path))['keypoint_score'][
        0, 0, 0] == 0.5


def test_extra_bodies_keep_the_most_moving(tmp_path):
    frames = [[('a', 1.0), ('b', 1.0 + t), ('c', 2.0 + 2 * t)]
              for t in range(5)]
    path = write_ntu_skeleton(
        tmp_path / 'S001C001P001R001A050.skeleton', frames)
    anno = ntu_skeleton_to_annotation(str(path), max_bodies=2)
    assert anno['keypoint'].shape[0] == 2
    # 'b' and 'c' move, 'a' is still; order of first appearance is kept
    np.testing.assert_allclose(anno['keypoint'][:, 1, 0, 0], [200, 400])


def test_truncated_file_is_reported(tmp_path):
    path = tmp_path / 'S001C001P001R001A001.skeleton'
    path.write_text('3\n1\n72057594037931101 0 1 1 1 1 0 0 0 2\n25\n1 2 3\n')
    with pytest.raises(NTUSkeletonFormatError, match='S001C001P001R001A001'):
        read_ntu_skeleton(str(path))


def test_no_body_at_all_is_an_error(tmp_path):
    path = write_ntu_skeleton(tmp_path / 'S001C001P001R001A001.skeleton',
                          [[], []])
    with pytest.raises(NTUSkeletonFormatError, match='no skeleton'):
        ntu_skeleton_to_annotation(str(path))


def test_parse_name():
    assert parse_ntu_name('x/S017C003P020R002A060.skeleton') == dict(
        setup=17, camera=3, performer=20, replication=2, action=60)
    with pytest.raises(ValueError):
        parse_ntu_name('video.mp4')


def test_official_splits():
    names = ['S001C001P001R001A001', 'S001C002P003R001A001',
             'S002C003P045R001A100']
    s60 = ntu_splits(names[:2], 'ntu60')
    assert s60['xsub_train'] == ['S001C001P001R001A001']
    assert s60['xsub_val'] == ['S001C002P003R001A001']
    assert s60['xview_val'] == ['S001C001P001R001A001']
    s120 = ntu_splits(names, 'ntu120')
    assert 'S002C003P045R001A100' in s120['xsub_train']
    assert s120['xset_train'] == ['S002C003P045R001A100']
