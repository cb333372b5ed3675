# Copyright (c) mmaction-pose. All rights reserved.
"""tools/data/extract_flow.py on tiny generated videos, and its output
through PoseDataset and the flow.py pipelines."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys

import cv2
import numpy as np
import pytest
from mmengine.config import Config

from conftest import ROOT, load_script

tool = load_script('tools/data/extract_flow.py')

NUM_FRAMES, SIZE, STEP, SIDE = 6, 64, 2, 24  # a 24 px square, +2 px/frame
FLOW_CONFIG = ROOT / 'configs/_base_/datasets/penn_action_rendered/flow.py'


def _square_x(t: int) -> int:
    return 12 + STEP * t


def _write_video(path, texture: np.ndarray) -> None:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*'mp4v'), 30,
                             (SIZE, SIZE))
    for t in range(NUM_FRAMES):
        frame = np.full((SIZE, SIZE), 40, np.uint8)
        x = _square_x(t)
        frame[20:20 + SIDE, x:x + SIDE] = texture  # textured: no aperture
        writer.write(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR))
    writer.release()


@pytest.fixture
def videos(tmp_path, rng):
    """clip0..clip2.mp4 and a PoseDataset pickle naming them; keypoint x of
    frame t is 10 * t + joint, so a selected frame can be read back."""
    video_dir = tmp_path / 'videos'
    video_dir.mkdir()
    noise = rng.uniform(0, 255, (SIDE, SIDE)).astype(np.float32)
    noise = cv2.GaussianBlur(noise, (0, 0), 1.0)  # survives mp4v
    texture = np.clip((noise - noise.mean()) * 3 + 128, 0, 255)
    annos = []
    for i in range(3):
        _write_video(video_dir / f'clip{i}.mp4', texture.astype(np.uint8))
        kp = np.zeros((1, NUM_FRAMES, 13, 2), np.float32)
        kp[..., 0] = 10 * np.arange(NUM_FRAMES)[:, None] + np.arange(13)
        kp[..., 1] = 30
        annos.append(dict(filename=f'clip{i}.mp4', frame_dir=f'clip{i}',
                          label=i, total_frames=NUM_FRAMES,
                          img_shape=(SIZE, SIZE), original_shape=(SIZE, SIZE),
                          keypoint=kp,
                          keypoint_score=np.ones((1, NUM_FRAMES, 13),
                                                 np.float32),
                          keypoint_visible=np.ones((1, NUM_FRAMES, 13),
                                                   np.uint8)))
    ann = video_dir / 'annotations.pkl'
    with open(ann, 'wb') as f:
        pickle.dump(dict(split=dict(train=['clip0.mp4', 'clip1.mp4'],
                                    test=['clip2.mp4']),
                         annotations=annos), f)
    return video_dir, ann


def _run(videos, out, *extra):
    video_dir, ann = videos
    return tool.main([str(video_dir), str(out), '--ann', str(ann),
                      '--workers', '1', *extra])


def _mtimes(folder):
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_flow_files_names_and_counts(videos, tmp_path):
    out = tmp_path / 'flow'
    assert _run(videos, out) == 0
    names = [f'flow_{a}_{k:05d}.jpg' for k in range(1, NUM_FRAMES)
             for a in 'xy']
    for i in range(3):
        assert sorted(os.listdir(out / f'clip{i}')) == sorted(names)
    assert sorted(p.name for p in out.iterdir()) == [
        'annotations.pkl', 'clip0', 'clip1', 'clip2']
    img = cv2.imread(str(out / 'clip0' / names[0]), cv2.IMREAD_UNCHANGED)
    assert img.shape == (SIZE, SIZE) and img.dtype == np.uint8


def test_quantize_flow_is_tsn_mapping():
    flow = np.array([[[-20., 20.], [0., 2.], [-40., 100.]]], np.float32)
    q = tool.quantize_flow(flow, 20)
    np.testing.assert_array_equal(q, [[[0, 255], [128, 140], [0, 255]]])


@pytest.mark.parametrize('algo', tool.ALGOS)
def test_square_moving_right_quantises_to_plus_2px(videos, tmp_path, algo):
    out = tmp_path / algo
    assert _run(videos, out, '--split', 'test', '--algo', algo) == 0
    expected = (STEP + 20) / 40 * 255  # 140.25
    for k in range(1, NUM_FRAMES):  # flow k: frame k - 1 -> frame k
        x0 = _square_x(k - 1)
        inside = (slice(24, 40), slice(x0 + 4, x0 + SIDE - 4))
        fx = cv2.imread(str(out / 'clip2' / f'flow_x_{k:05d}.jpg'), 0)
        fy = cv2.imread(str(out / 'clip2' / f'flow_y_{k:05d}.jpg'), 0)
        assert abs(np.median(fx[inside]) - expected) <= 4, (k, algo)
        assert abs(np.median(fy[inside]) - 127.5) <= 4, (k, algo)


def test_annotations_point_at_flow_folders(videos, tmp_path):
    out = tmp_path / 'flow'
    _run(videos, out)
    with open(videos[1], 'rb') as f:
        src = pickle.load(f)['annotations']
    with open(out / 'annotations.pkl', 'rb') as f:
        data = pickle.load(f)
    assert data['split'] == dict(train=['clip0', 'clip1'], test=['clip2'])
    for anno, ref in zip(data['annotations'], src):
        assert 'filename' not in anno
        assert anno['frame_dir'] == ref['frame_dir']
        assert anno['total_frames'] == NUM_FRAMES - 1
        assert anno['label'] == ref['label']
        np.testing.assert_array_equal(anno['keypoint'],
                                      ref['keypoint'][:, :-1])
        for key in ('keypoint_score', 'keypoint_visible'):
            assert anno[key].shape == (1, NUM_FRAMES - 1, 13)
        assert anno['img_shape'] == (SIZE, SIZE)


def test_rerun_skips_complete_folders(videos, tmp_path, capsys):
    out = tmp_path / 'flow'
    _run(videos, out)
    before = {i: _mtimes(out / f'clip{i}') for i in range(3)}
    capsys.readouterr()
    assert _run(videos, out) == 0
    assert '0 extracted, 3 already complete' in capsys.readouterr().out
    assert {i: _mtimes(out / f'clip{i}') for i in range(3)} == before


def test_rerun_redoes_half_written_and_incomplete_folders(videos, tmp_path):
    out = tmp_path / 'flow'
    _run(videos, out)
    kept = _mtimes(out / 'clip2')
    os.rename(out / 'clip0', out / 'clip0.tmp')  # a crash before the rename
    (out / 'clip0.tmp' / 'flow_x_00003.jpg').unlink()
    (out / 'clip1' / 'flow_y_00005.jpg').unlink()  # damaged afterwards
    assert _run(videos, out) == 0
    assert not (out / 'clip0.tmp').exists()
    for i in (0, 1):
        assert len(os.listdir(out / f'clip{i}')) == 2 * (NUM_FRAMES - 1)
    assert _mtimes(out / 'clip2') == kept


def test_missing_video_one_error_line_and_exit_1(videos, tmp_path):
    video_dir, ann = videos
    with open(ann, 'rb') as f:
        data = pickle.load(f)
    data['annotations'].append(
        dict(data['annotations'][0], filename='missing.mp4',
             frame_dir='missing'))
    data['split']['test'].append('missing.mp4')
    with open(ann, 'wb') as f:
        pickle.dump(data, f)
    out = tmp_path / 'flow'
    proc = subprocess.run(  # the CLI with its worker pool
        [sys.executable, str(ROOT / 'tools/data/extract_flow.py'),
         str(video_dir), str(out), '--ann', str(ann), '--workers', '2'],
        capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if 'error' in ln]
    assert len(errors) == 1 and 'missing.mp4' in errors[0], proc.stderr
    assert not (out / 'missing').exists()
    with open(out / 'annotations.pkl', 'rb') as f:
        flow = pickle.load(f)
    assert [a['frame_dir'] for a in flow['annotations']] == [
        'clip0', 'clip1', 'clip2']
    assert flow['split']['test'] == ['clip2']


def _dataset(out, pipeline, split='test'):
    from mmaction_pose.registry import DATASETS
    return DATASETS.build(dict(
        type='PoseDataset', ann_file=str(out / 'annotations.pkl'),
        data_prefix=dict(video=str(out)), split=split, pipeline=pipeline,
        test_mode=True))


@pytest.fixture
def flow_dir(videos, tmp_path):
    out = tmp_path / 'flow'
    assert _run(videos, out) == 0
    return out


@pytest.mark.parametrize('split', ['train', 'val'])
def test_flow_pipeline_gives_stacked_segments(flow_dir, split):
    cfg = Config.fromfile(str(FLOW_CONFIG))
    assert cfg.flow_root == 'data/penn_action_rgb/flow/'
    assert cfg.flow_ann_file == cfg.flow_root + 'annotations.pkl'
    pipeline = cfg[f'{split}_pipeline']
    assert [p['type'] for p in pipeline[-2:]] == ['FormatShape',
                                                  'PackActionInputs']
    sample = _dataset(flow_dir, pipeline)[0]
    assert tuple(sample['inputs'].shape) == (8, 10, 128, 128)


def test_keypoints_are_those_of_each_flow_source_frame(flow_dir):
    """Flow file k (1-based) is frame k-1 -> k: keypoints of frame k-1."""
    cfg = Config.fromfile(str(FLOW_CONFIG))
    results = _dataset(flow_dir, cfg.val_pipeline[:-2])[0]
    assert results['modality'] == 'Flow' and results['start_index'] == 1
    inds = results['frame_inds']
    assert inds.shape == (40, ) and 1 <= inds.min()
    assert inds.max() <= NUM_FRAMES - 1
    scale = 128 / SIZE
    np.testing.assert_allclose(results['keypoint'][0, :, 0, 0],
                               10 * (inds - 1) * scale)
    assert results['keypoint'].shape == (1, 40, 13, 2)


def test_flip_mirrors_and_negates_flow_x(flow_dir):
    cfg = Config.fromfile(str(FLOW_CONFIG))
    plain = cfg.val_pipeline
    flipped = [*plain[:-2], dict(cfg.train_pipeline[-3], flip_ratio=1.0),
               *plain[-2:]]
    assert flipped[-3]['type'] == 'FlowFlip'
    a = _dataset(flow_dir, plain)[0]['inputs'].numpy().astype(int)
    b = _dataset(flow_dir, flipped)[0]['inputs'].numpy().astype(int)
    np.testing.assert_array_equal(b[:, 0::2], 255 - a[:, 0::2, :, ::-1])
    np.testing.assert_array_equal(b[:, 1::2], a[:, 1::2, :, ::-1])
