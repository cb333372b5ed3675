# Copyright (c) mmaction-pose. All rights reserved.
"""tools/data/ntu/convert_skeleton.py and tools/data/jhmdb/convert.py."""
from __future__ import annotations

import pickle

import numpy as np
from scipy.io import savemat

from conftest import load_script, write_ntu_skeleton


def test_convert_ntu_folder(tmp_path, capsys):
    tool = load_script('tools/data/ntu/convert_skeleton.py')
    src = tmp_path / 'skeletons'
    src.mkdir()
    write_ntu_skeleton(src / 'S001C001P001R001A001.skeleton', [[('1', 1.0)]])
    write_ntu_skeleton(src / 'S001C002P002R001A002.skeleton',
                   [[], [('1', 1.0)]])
    write_ntu_skeleton(src / 'S001C002P002R001A061.skeleton', [[('1', 1.0)]])
    write_ntu_skeleton(src / 'S001C003P002R001A003.skeleton', [[('1', 1.0)]])
    (src / 'S001C001P004R001A004.skeleton').write_text('2\n1\n')
    ignore = tmp_path / 'missing.txt'
    ignore.write_text('S001C003P002R001A003\n')
    out = tmp_path / 'ntu60_2d.pkl'
    assert tool.main([str(src), str(out), '--ignore-list',
                      str(ignore)]) == 0
    with open(out, 'rb') as f:
        data = pickle.load(f)
    names = [a['frame_dir'] for a in data['annotations']]
    assert names == ['S001C001P001R001A001', 'S001C002P002R001A002']
    assert data['split']['xsub_train'] == names
    assert data['annotations'][1]['keypoint'].shape == (1, 2, 25, 2)
    assert 'S001C001P004R001A004' in capsys.readouterr().err


def test_convert_jhmdb_folder(tmp_path):
    tool = load_script('tools/data/jhmdb/convert.py')
    mat = tmp_path / 'joint_positions' / 'pour' / 'v1' / 'joint_positions.mat'
    mat.parent.mkdir(parents=True)
    savemat(str(mat), dict(pos_img=np.ones((2, 15, 3))))
    out = tmp_path / 'jhmdb.pkl'
    assert tool.main([str(tmp_path), str(out)]) == 0
    with open(out, 'rb') as f:
        data = pickle.load(f)
    assert data['split'] == dict(all=['v1'])
    assert data['annotations'][0]['keypoint'].shape == (1, 3, 15, 2)
    assert (tmp_path / 'jhmdb_label_map.txt').read_text() == 'pour\n'


def test_convert_jhmdb_missing_root(tmp_path, capsys):
    tool = load_script('tools/data/jhmdb/convert.py')
    assert tool.main([str(tmp_path / 'none'), str(tmp_path / 'o.pkl')]) == 1
    assert 'not found' in capsys.readouterr().err


def test_convert_sub_jhmdb(tmp_path, capsys):
    from mmaction_pose.datasets.converters.jhmdb import SUB_JHMDB_CLASSES
    tool = load_script('tools/data/jhmdb/convert.py')
    for name in (*SUB_JHMDB_CLASSES, 'pour'):
        for video in (f'{name}_a', f'{name}_b'):
            mat = tmp_path / 'joint_positions' / name / video / \
                'joint_positions.mat'
            mat.parent.mkdir(parents=True)
            savemat(str(mat), dict(pos_img=np.ones((2, 15, 2))))
    subs = tmp_path / 'sub_splits'
    subs.mkdir()
    for name in SUB_JHMDB_CLASSES:  # only video a is in Sub-JHMDB
        for k in (1, 2, 3):
            (subs / f'{name}_test_split{k}.txt').write_text(
                f'{name}_a.avi {1 + (k == 2)}\n')
    out = tmp_path / 'sub.pkl'
    assert tool.main([str(tmp_path), str(out), '--subset', 'sub']) == 0
    with open(out, 'rb') as f:
        data = pickle.load(f)
    names = [a['frame_dir'] for a in data['annotations']]
    assert names == [f'{c}_a' for c in SUB_JHMDB_CLASSES]
    assert [a['label'] for a in data['annotations']] == list(range(12))
    assert len(data['split']['train1']) == 12 and not data['split']['test1']
    assert len(data['split']['test2']) == 12
    for f in subs.iterdir():
        f.unlink()
    assert tool.main([str(tmp_path), str(out), '--subset', 'sub']) == 1
    assert 'no Sub-JHMDB split files' in capsys.readouterr().err
