# Copyright (c) mmaction-pose. All rights reserved.
"""tools/data/render_pose_videos.py on a tiny PoseDataset pickle."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from conftest import load_script
from mmaction_pose.apis.video_io import read_video


tool = load_script('tools/data/render_pose_videos.py')


@pytest.fixture
def ann_file(tmp_path, rng):
    annos = []
    for i, (m, t, v) in enumerate(((1, 6, 13), (2, 5, 13))):
        kp = rng.uniform(50, 250, (m, t, v, 2)).astype(np.float32)
        annos.append(dict(frame_dir=f'clip{i}', label=i, total_frames=t,
                          img_shape=(300, 400), keypoint=kp,
                          keypoint_score=np.ones((m, t, v), np.float32)))
    path = tmp_path / 'ann.pkl'
    with open(path, 'wb') as f:
        pickle.dump(dict(split=dict(train=['clip0'], test=['clip1']),
                         annotations=annos), f)
    return path


def test_render_videos_and_matching_annotations(ann_file, tmp_path):
    out = tmp_path / 'rendered'
    assert tool.main([str(ann_file), str(out), '--size', '112']) == 0
    frames, _ = read_video(str(out / 'clip1.mp4'))
    assert len(frames) == 5 and frames[0].shape == (112, 112, 3)
    with open(out / 'annotations.pkl', 'rb') as f:
        data = pickle.load(f)
    assert data['split'] == dict(train=['clip0.mp4'], test=['clip1.mp4'])
    anno = data['annotations'][1]
    assert anno['filename'] == 'clip1.mp4' and anno['frame_dir'] == 'clip1'
    assert anno['label'] == 1
    assert anno['img_shape'] == (112, 112) and anno['rendered']
    assert anno['keypoint'].shape == (2, 5, 13, 2)
    assert (anno['keypoint'] >= 0).all() and (anno['keypoint'] < 112).all()


def test_rerun_keeps_videos_and_keypoints(ann_file, tmp_path):
    out = tmp_path / 'rendered'
    tool.main([str(ann_file), str(out), '--size', '112', '--split', 'test'])
    with open(out / 'annotations.pkl', 'rb') as f:
        first = pickle.load(f)['annotations'][0]['keypoint']
    mtime = (out / 'clip1.mp4').stat().st_mtime_ns
    tool.main([str(ann_file), str(out), '--size', '112', '--split', 'test'])
    with open(out / 'annotations.pkl', 'rb') as f:
        second = pickle.load(f)['annotations'][0]['keypoint']
    assert (out / 'clip1.mp4').stat().st_mtime_ns == mtime
    np.testing.assert_array_equal(first, second)
    assert not (out / 'clip0.mp4').exists()


def test_size_must_be_in_range(ann_file, tmp_path):
    with pytest.raises(SystemExit):
        tool.main([str(ann_file), str(tmp_path), '--size', '64'])


def test_video_never_depends_on_the_label(ann_file, tmp_path):
    """Same clip, another class: byte-identical video and keypoints."""
    with open(ann_file, 'rb') as f:
        data = pickle.load(f)
    data['annotations'][1]['label'] = 7
    relabelled = tmp_path / 'relabelled.pkl'
    with open(relabelled, 'wb') as f:
        pickle.dump(data, f)
    a, b = tmp_path / 'a', tmp_path / 'b'
    tool.main([str(ann_file), str(a), '--size', '112'])
    tool.main([str(relabelled), str(b), '--size', '112'])
    assert (a / 'clip1.mp4').read_bytes() == (b / 'clip1.mp4').read_bytes()
    with open(a / 'annotations.pkl', 'rb') as f:
        kp_a = pickle.load(f)['annotations'][1]['keypoint']
    with open(b / 'annotations.pkl', 'rb') as f:
        kp_b = pickle.load(f)['annotations'][1]['keypoint']
    np.testing.assert_array_equal(kp_a, kp_b)


def test_rerun_after_a_crash_redraws_only_broken_videos(ann_file, tmp_path):
    out = tmp_path / 'rendered'
    tool.main([str(ann_file), str(out), '--size', '112'])
    good = (out / 'clip0.mp4').stat().st_mtime_ns
    whole = (out / 'clip1.mp4').read_bytes()
    (out / 'clip1.mp4').write_bytes(whole[:len(whole) // 3])  # truncated
    (out / 'annotations.pkl').unlink()  # the crash came before the pickle
    assert tool.main([str(ann_file), str(out), '--size', '112']) == 0
    assert (out / 'clip0.mp4').stat().st_mtime_ns == good
    assert (out / 'clip1.mp4').read_bytes() == whole
    assert (out / 'annotations.pkl').is_file()


def test_label_map_is_copied_beside_the_videos(ann_file, tmp_path):
    (ann_file.parent / 'label_map.txt').write_text('a\nb\n')
    out = tmp_path / 'rendered'
    tool.main([str(ann_file), str(out), '--size', '112'])
    assert (out / 'label_map.txt').read_text() == 'a\nb\n'
