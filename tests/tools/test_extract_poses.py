# Copyright (c) mmaction-pose. All rights reserved.
"""tools/data/skeleton/extract_poses.py: folder/list input, per-video
errors, resume, multiprocessing."""
from __future__ import annotations

import pickle

import pytest

from conftest import SHARED_DATA, load_script, write_video

JHMDB_VIDEO = (SHARED_DATA / 'jhmdb_catch' /
               'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi')
FAKE = ['--pose-backend', 'conftest:FakePoseBackend']


tool = load_script('tools/data/skeleton/extract_poses.py')


@pytest.fixture
def video_dir(tmp_path):
    root = tmp_path / 'videos'
    write_video(root / 'wave' / 'a.mp4', 6)
    write_video(root / 'wave' / 'b.mp4', 8, dark_frames=(0, ))
    write_video(root / 'kick' / 'c.mp4', 5)
    (root / 'kick' / 'broken.mp4').write_text('not a video')
    return root


def read(path):
    with open(path, 'rb') as f:
        return pickle.load(f)


def test_folder_to_pickle_with_errors_logged(video_dir, tmp_path):
    out = tmp_path / 'poses.pkl'
    assert tool.main([str(out), '--video-dir', str(video_dir), *FAKE]) == 0
    data = read(out)
    annos = {a['frame_dir']: a for a in data['annotations']}
    assert set(annos) == {'wave/a', 'wave/b', 'kick/c'}
    assert data['split'] == dict(all=['kick/c', 'wave/a', 'wave/b'])
    assert annos['wave/a']['label'] == 1 and annos['kick/c']['label'] == 0
    b = annos['wave/b']
    assert b['keypoint'].shape == (2, 8, 17, 2) and b['total_frames'] == 8
    assert b['box'].shape == (2, 8, 4) and b['img_shape'] == (64, 96)
    assert b['keypoint_score'][:, 0].sum() == 0  # dark frame kept in place
    assert 'broken.mp4' in (tmp_path / 'poses.pkl.errors.txt').read_text()
    labels = (tmp_path / 'poses_label_map.txt').read_text().split()
    assert labels == ['kick', 'wave']


def test_rerun_skips_finished_videos(video_dir, tmp_path, capsys):
    out = tmp_path / 'poses.pkl'
    tool.main([str(out), '--video-dir', str(video_dir), *FAKE])
    part = tmp_path / 'poses.pkl.parts' / 'wave__a.pkl'
    mtime = part.stat().st_mtime_ns
    (tmp_path / 'poses.pkl.parts' / 'kick__c.pkl').unlink()  # "crashed"
    capsys.readouterr()
    assert tool.main([str(out), '--video-dir', str(video_dir), *FAKE]) == 0
    assert '2 already done, 2 to extract' in capsys.readouterr().out
    assert part.stat().st_mtime_ns == mtime
    assert len(read(out)['annotations']) == 3


def test_list_input_with_splits_and_workers(tmp_path):
    for name in ('x', 'y'):
        write_video(tmp_path / f'{name}.mp4', 4)
    listing = tmp_path / 'list.txt'
    listing.write_text('x.mp4 jump train\ny.mp4 run val\n')
    out = tmp_path / 'out' / 'poses.pkl'
    assert tool.main([str(out), '--video-list', str(listing), '--workers',
                      '2', '--max-people', '1', *FAKE]) == 0
    data = read(out)
    assert data['split'] == dict(train=['x'], val=['y'])
    assert [a['label'] for a in data['annotations']] == [0, 1]
    assert data['annotations'][0]['keypoint'].shape == (1, 4, 17, 2)


def test_bad_list_line_is_reported(tmp_path, capsys):
    listing = tmp_path / 'list.txt'
    listing.write_text('only_a_path.mp4\n')
    assert tool.main([str(tmp_path / 'o.pkl'), '--video-list',
                      str(listing), *FAKE]) == 1
    assert 'list.txt:1' in capsys.readouterr().err


@pytest.mark.skipif(not JHMDB_VIDEO.exists(),
                    reason='../shared/data not available')
def test_real_clip_with_mediapipe(tmp_path):
    listing = tmp_path / 'list.txt'
    listing.write_text(f'{JHMDB_VIDEO} catch\n')
    out = tmp_path / 'catch.pkl'
    assert tool.main([str(out), '--video-list', str(listing)]) == 0
    anno = read(out)['annotations'][0]
    assert anno['keypoint'].shape[1:] == (40, 17, 2)
    assert (anno['keypoint_score'][0].sum(-1) > 0).mean() > 0.9
