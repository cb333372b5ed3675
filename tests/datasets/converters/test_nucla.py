# Copyright (c) mmaction-pose. All rights reserved.
"""N-UCLA skeleton conversion (pure functions and the CLI), on generated
JSON files and on the real release when ../shared/data has it."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SHARED_DATA, load_script
from mmaction_pose.datasets.converters.nucla import (
    NUCLA_CLASSES, NUCLAFormatError, convert_nucla, list_skeleton_files,
    load_nucla_sequence, nucla_splits, parse_nucla_name, project_kinect_v1)

REAL = SHARED_DATA / 'nucla' / 'all_sqe'
needs_data = pytest.mark.skipif(
    not REAL.is_dir(), reason='../shared/data not available')
ACTIONS = (1, 2, 3, 4, 5, 6, 8, 9, 11, 12)


def skeletons(frames: int, seed: int = 0) -> list:
    """``[T][20][3]`` camera coordinates in front of the camera."""
    rng = np.random.default_rng(seed)
    xyz = rng.uniform(-1, 1, (frames, 20, 3))
    xyz[..., 2] += 3
    return xyz.tolist()


def write_seq(root: Path, name: str = 'a01_s01_e00_v01', frames: int = 4,
              **fields) -> Path:
    """One N-UCLA file; ``fields`` override (None drops) the content."""
    action = int(name[1:3]) if name[0] == 'a' else 1
    data = dict(file_name=name, skeletons=skeletons(frames),
                label=ACTIONS.index(action) + 1 if action in ACTIONS else 1)
    data.update(fields)
    data = {k: v for k, v in data.items() if v is not None}
    root.mkdir(parents=True, exist_ok=True)
    path = root / f'{name}.json'
    path.write_text(json.dumps(data))
    return path


# ---- pure functions ---------------------------------------------------------


def test_projection_formula():
    xyz = np.array([[0.5, -0.2, 2.0], [0., 0., 1.], [1., 1., 0.],
                    [np.nan, 0., 2.], [0.1, 0.1, -1.]])
    uv, valid = project_kinect_v1(xyz)
    np.testing.assert_allclose(
        uv[0], [525 * 0.5 / 2 + 319.5, -525 * -0.2 / 2 + 239.5], rtol=1e-6)
    np.testing.assert_allclose(uv[1], [319.5, 239.5])
    assert valid.tolist() == [True, True, False, False, False]
    assert (uv[2:] == 0).all() and uv.dtype == np.float32


def test_load_sequence_fields_and_shapes(tmp_path):
    path = write_seq(tmp_path, 'a05_s03_e02_v02', frames=5)
    anno = load_nucla_sequence(str(path))
    assert anno['frame_dir'] == 'a05_s03_e02_v02'
    assert anno['label'] == 4  # file label 5, 0-based
    assert anno['total_frames'] == 5
    assert anno['img_shape'] == anno['original_shape'] == (480, 640)
    assert anno['keypoint'].shape == (1, 5, 20, 2)
    assert anno['keypoint_score'].shape == (1, 5, 20)
    assert anno['keypoint_3d'].shape == (1, 5, 20, 3)
    for key in ('keypoint', 'keypoint_score', 'keypoint_3d'):
        assert anno[key].dtype == np.float32, key
    assert anno['view'] == 2 and anno['subject'] == 3
    xyz = np.asarray(json.loads(path.read_text())['skeletons'])
    np.testing.assert_allclose(anno['keypoint_3d'][0], xyz, rtol=1e-6)
    u = 525 * xyz[..., 0] / xyz[..., 2] + 319.5
    v = -525 * xyz[..., 1] / xyz[..., 2] + 239.5
    np.testing.assert_allclose(anno['keypoint'][0],
                               np.stack([u, v], -1), rtol=1e-5)
    assert (anno['keypoint_score'] == 1).all()
    assert anno['camera_intrinsics'] == dict(fx=525., fy=525., cx=319.5,
                                             cy=239.5)


def test_unprojectable_joints_are_missing(tmp_path):
    xyz = skeletons(3)
    xyz[1][4][2] = 0.  # z = 0
    xyz[2][7] = [0.1, None, 2.]  # JSON null
    anno = load_nucla_sequence(str(write_seq(tmp_path, skeletons=xyz)))
    score, kp = anno['keypoint_score'][0], anno['keypoint'][0]
    assert score[1, 4] == 0 and score[2, 7] == 0 and score.sum() == 58
    assert (kp[1, 4] == 0).all() and (kp[2, 7] == 0).all()
    assert anno['keypoint_3d'][0, 1, 4, 2] == 0  # 3D kept as is


def test_parse_name():
    assert parse_nucla_name('a12_s10_e04_v03') == dict(
        action=12, subject=10, repetition=4, view=3)
    for bad in ('a1_s01_e00_v01', 'a01_s01_e00_v04', 'x', 7):
        with pytest.raises(NUCLAFormatError):
            parse_nucla_name(bad)


def test_splits_rotate_the_test_view():
    splits = nucla_splits()
    assert splits['xview3_train'] == (1, 2) and splits['xview3_test'] == (3, )
    assert splits['xview1_train'] == (2, 3)
    assert len(splits) == 6


def test_convert_splits_and_drops_short_sequences(tmp_path):
    files = [write_seq(tmp_path, f'a01_s01_e00_v0{v}') for v in (1, 2, 3)]
    files.append(write_seq(tmp_path, 'a02_s01_e00_v03', frames=1))
    files.append(write_seq(tmp_path, 'a02_s02_e00_v01', frames=0))
    data, dropped = convert_nucla(sorted(map(str, files)))
    names = [a['frame_dir'] for a in data['annotations']]
    assert names == ['a01_s01_e00_v01', 'a01_s01_e00_v02', 'a01_s01_e00_v03']
    assert data['split']['xview3_train'] == names[:2]
    assert data['split']['xview3_test'] == names[2:]
    assert data['split']['xview1_train'] == names[1:]
    assert data['split']['xview2_test'] == [names[1]]
    assert [(Path(p).name, r) for p, r in dropped] == [
        ('a02_s01_e00_v03.json', '1 frame(s), fewer than 2'),
        ('a02_s02_e00_v01.json', '0 frame(s), fewer than 2')]


@pytest.mark.parametrize('fields, match', [
    (dict(skeletons=[[[0., 0., 1.]] * 19]),
     r"field 'skeletons' frame 0 has 19 joints, expected 20"),
    (dict(skeletons=[[[0., 0., 1.]] * 20, [[0., 1.]] * 20]),
     r"field 'skeletons' frame 1, joint 0 must be 3 numbers"),
    (dict(skeletons='none'), r"field 'skeletons' must be a list"),
    (dict(label=11), r"field 'label' must be an integer in 1..10, got 11"),
    (dict(label=0), r"field 'label' must be an integer in 1..10, got 0"),
    (dict(label='1'), r"field 'label' must be an integer"),
    (dict(label=3), r"field 'label' is 3, but the name says action a01"),
    (dict(file_name='a01-s01-e00-v01'),
     r"field 'file_name' 'a01-s01-e00-v01' does not match aNN_sNN_eNN_vNN"),
    (dict(file_name='a01_s01_e00_v02'),
     r"field 'file_name' is 'a01_s01_e00_v02', but the file is"),
    (dict(label=None), r"missing field\(s\) \['label'\]"),
])
def test_malformed_file_names_the_file_and_field(tmp_path, fields, match):
    path = write_seq(tmp_path, **fields)
    with pytest.raises(NUCLAFormatError, match=match) as err:
        load_nucla_sequence(str(path))
    assert str(err.value).startswith(str(path))


def test_bad_json_is_reported(tmp_path):
    path = tmp_path / 'a01_s01_e00_v01.json'
    path.write_text('{"file_name": "a01_s01_e00_v01", "skel')
    with pytest.raises(NUCLAFormatError,
                       match='a01_s01_e00_v01.json: not a readable JSON'):
        load_nucla_sequence(str(path))


def test_name_not_matching_the_pattern_is_reported(tmp_path):
    path = write_seq(tmp_path, 'walk_01', file_name='walk_01')
    with pytest.raises(NUCLAFormatError,
                       match=r"walk_01.json: field 'file_name' 'walk_01'"):
        load_nucla_sequence(str(path))


def test_missing_or_empty_folder_is_reported(tmp_path):
    with pytest.raises(NUCLAFormatError, match='does not exist'):
        list_skeleton_files(str(tmp_path / 'nope'))
    with pytest.raises(NUCLAFormatError, match='no .json'):
        list_skeleton_files(str(tmp_path))


def test_duplicate_file_name_is_reported(tmp_path):
    a = write_seq(tmp_path / 'x')
    b = write_seq(tmp_path / 'y')
    with pytest.raises(NUCLAFormatError, match='appears in two files'):
        convert_nucla([str(a), str(b)])


# ---- command line -----------------------------------------------------------


def test_cli_writes_pickle_and_label_map(tmp_path, capsys):
    src = tmp_path / 'all_sqe'
    write_seq(src, 'a01_s01_e00_v01')
    write_seq(src, 'a12_s02_e01_v03')
    write_seq(src, 'a02_s09_e04_v02', frames=1)
    out = tmp_path / 'out' / 'nucla.pkl'
    convert = load_script('tools/data/nucla/convert.py')
    assert convert.main(['--skeletons', str(src), '--out', str(out),
                         '--no-progress']) == 0
    printed = capsys.readouterr().out
    assert 'dropped a02_s09_e04_v02.json: 1 frame(s)' in printed
    with open(out, 'rb') as f:
        data = pickle.load(f)
    assert [a['label'] for a in data['annotations']] == [0, 9]
    labels = (out.parent / 'label_map.txt').read_text().splitlines()
    assert labels == list(NUCLA_CLASSES) and len(labels) == 10


def test_cli_reports_a_malformed_file(tmp_path, capsys):
    src = tmp_path / 'all_sqe'
    write_seq(src, label=42)
    convert = load_script('tools/data/nucla/convert.py')
    assert convert.main(['--skeletons', str(src), '--out',
                         str(tmp_path / 'n.pkl'), '--no-progress']) == 1
    err = capsys.readouterr().err
    assert err.startswith('error: ') and "field 'label'" in err
    assert 'a01_s01_e00_v01.json' in err
    assert not (tmp_path / 'n.pkl').exists()


def test_make_target_runs_the_converter():
    import subprocess
    res = subprocess.run(['make', '-n', 'nucla-data', 'NUCLA_SKELETONS=/x'],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert 'tools/data/nucla/convert.py --skeletons /x' in res.stdout
    assert 'make_splits.py' in res.stdout


# ---- the real release -------------------------------------------------------


@pytest.fixture(scope='module')
def real():
    files = list_skeleton_files(str(REAL))
    return files, convert_nucla(files)


@needs_data
def test_real_release_converts(real):
    files, (data, dropped) = real
    assert len(files) == 1484
    assert len(data['annotations']) == 1482
    assert sorted(Path(p).stem for p, _ in dropped) == [
        'a02_s09_e04_v02', 'a02_s09_e04_v03']
    assert len(data['split']['xview3_train']) == 1019
    assert len(data['split']['xview3_test']) == 463
    for v in (1, 2, 3):
        assert len(data['split'][f'xview{v}_train']) + \
            len(data['split'][f'xview{v}_test']) == 1482
    assert sorted({a['label'] for a in data['annotations']}) == list(
        range(10))


@needs_data
def test_real_projection_lands_in_the_frame(real):
    _, (data, _) = real
    kp = np.concatenate([a['keypoint'][0].reshape(-1, 2)
                         for a in data['annotations']])
    inside = ((kp[:, 0] >= 0) & (kp[:, 0] < 640) & (kp[:, 1] >= 0) &
              (kp[:, 1] < 480)).mean()
    assert inside > 0.995  # data.md: 99.8 % (a few feet below the frame)


@needs_data
def test_real_sample_reprojects_through_random_camera_view(real):
    """RandomCameraView at zero yaw reads the pickle's keypoint_3d and
    camera_intrinsics and gives back its 2D joints."""
    from mmaction_pose.datasets.transforms import RandomCameraView
    _, (data, _) = real
    anno = data['annotations'][0]
    out = RandomCameraView(yaw=0.)(dict(anno,
                                        keypoint=anno['keypoint'].copy()))
    np.testing.assert_allclose(out['keypoint'], anno['keypoint'], atol=1e-3)
    np.testing.assert_array_equal(out['keypoint_score'],
                                  anno['keypoint_score'])
