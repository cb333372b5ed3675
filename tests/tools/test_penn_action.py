# Copyright (c) mmaction-pose. All rights reserved.
"""Penn Action: the label converter (pure functions and CLI), the Penn-13
layout and its COCO-17 mapping, and a re-evaluation of the committed
checkpoint on real data (skipped when ../shared/data is absent)."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from scipy.io import savemat

from conftest import ROOT, SHARED_DATA
from mmaction_pose.datasets.converters.penn_action import (
    PENN_ACTION_CLASSES, PennActionFormatError, convert_penn_action,
    list_label_files, load_penn_clip)
from mmaction_pose.structures import COCO17, COCO17_TO_PENN13, PENN13
from mmaction_pose.structures.skeleton_layouts import convert_keypoints

LABELS = SHARED_DATA / 'penn_action' / 'labels'
needs_data = pytest.mark.skipif(
    not LABELS.is_dir(), reason='../shared/data not available')
CONFIG = ROOT / 'configs' / 'posec3d' / 'penn_action_keypoint.py'
CKPT_DIR = ROOT / 'configs' / 'posec3d' / 'penn_action'
README = ROOT / 'configs' / 'posec3d' / 'README.md'

# Numbers recorded in the "Penn Action" section of configs/posec3d/README.md
# for the committed checkpoint (top-1, %).
SUBSET_SIZE = 200
SUBSET_TOP1 = None  # 1 clip x flip on the fixed 200-clip subset
FULL_TOP1 = None  # 10 clips x flip on the full 1068-clip test split


def run(args: list[str], timeout: int = 600) -> subprocess.CompletedProcess:
    env = dict(os.environ, OMP_NUM_THREADS='2')
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=timeout)


def fake_clip(path: Path, **override) -> Path:
    """A small, valid Penn Action label file (4 frames) with overrides."""
    rng = np.random.default_rng(0)
    fields = dict(
        action=np.array(['squat']), pose=np.array(['front']),
        x=rng.uniform(10, 100, (4, 13)), y=rng.uniform(10, 80, (4, 13)),
        visibility=np.tile(np.array([1, 0] * 6 + [1], np.uint8), (4, 1)),
        train=np.array([[-1]], np.int32), bbox=np.zeros((4, 4)),
        dimensions=np.array([[90, 120, 4]], np.uint16),
        nframes=np.array([[4]], np.uint8))
    fields.update(override)
    savemat(str(path), {k: v for k, v in fields.items() if v is not None})
    return path


# ---- converter: synthetic label files ---------------------------------------


def test_load_penn_clip_fields_and_shapes(tmp_path):
    anno = load_penn_clip(str(fake_clip(tmp_path / '0042.mat')))
    assert anno['frame_dir'] == '0042'
    assert anno['label'] == PENN_ACTION_CLASSES.index('squat')
    assert anno['split'] == 'test' and anno['total_frames'] == 4
    assert anno['img_shape'] == anno['original_shape'] == (90, 120)
    assert anno['keypoint'].shape == (1, 4, 13, 2)
    assert anno['keypoint'].dtype == np.float32
    assert anno['keypoint_score'].shape == (1, 4, 13)


@pytest.mark.parametrize('invisible_score', [0.0, 0.5, 1.0])
def test_load_penn_clip_invisible_score(tmp_path, invisible_score):
    anno = load_penn_clip(
        str(fake_clip(tmp_path / '0001.mat')), invisible_score=invisible_score)
    score, visible = anno['keypoint_score'], anno['keypoint_visible']
    assert (~visible).any() and (score[visible] == 1).all()
    assert (score[~visible] == invisible_score).all()


def test_corner_placeholders_become_missing_joints(tmp_path):
    # Out-of-frame joints are stored invisible at the image corner.
    x, y = np.full((4, 13), 50.0), np.full((4, 13), 40.0)
    x[:, 11:], y[:, 11:] = 0.75, 0.75
    vis = np.ones((4, 13), np.uint8)
    vis[:, 9:] = 0
    anno = load_penn_clip(
        str(fake_clip(tmp_path / '0009.mat', x=x, y=y, visibility=vis)))
    kp, score = anno['keypoint'][0], anno['keypoint_score'][0]
    assert (kp[:, 11:] == 0).all() and (score[:, 11:] == 0).all()
    assert (kp[:, 9:11] == [50, 40]).all() and (score[:, 9:11] == 1).all()


def test_missing_file_is_named(tmp_path):
    with pytest.raises(PennActionFormatError, match='0007.mat'):
        load_penn_clip(str(tmp_path / '0007.mat'))


def test_corrupt_file_is_named(tmp_path):
    bad = tmp_path / '0003.mat'
    bad.write_bytes(b'MATLAB 5.0 MAT-file, truncated' + bytes(50))
    with pytest.raises(PennActionFormatError, match='0003.mat.*readable'):
        load_penn_clip(str(bad))


def test_missing_field_is_named(tmp_path):
    path = fake_clip(tmp_path / '0005.mat', visibility=None)
    with pytest.raises(PennActionFormatError,
                       match=r"0005.mat.*missing.*'visibility'"):
        load_penn_clip(str(path))


def test_inconsistent_shapes_are_reported(tmp_path):
    path = fake_clip(tmp_path / '0006.mat', y=np.zeros((3, 13)))
    with pytest.raises(PennActionFormatError, match='0006.mat.*disagree'):
        load_penn_clip(str(path))


def test_unknown_class_is_reported(tmp_path):
    path = fake_clip(tmp_path / '0008.mat', action=np.array(['dance']))
    with pytest.raises(PennActionFormatError, match="0008.mat.*'dance'"):
        load_penn_clip(str(path))


def test_missing_or_empty_folder_is_reported(tmp_path):
    with pytest.raises(PennActionFormatError, match='does not exist'):
        list_label_files(str(tmp_path / 'nope'))
    with pytest.raises(PennActionFormatError, match='no .mat'):
        list_label_files(str(tmp_path))


def test_convert_splits_by_train_flag(tmp_path):
    files = [
        fake_clip(tmp_path / '0001.mat', train=np.array([[1]])),
        fake_clip(tmp_path / '0002.mat'),
    ]
    data = convert_penn_action(str(f) for f in files)
    assert data['split'] == dict(train=['0001'], test=['0002'])
    assert [a['frame_dir'] for a in data['annotations']] == ['0001', '0002']
    assert all('split' not in a for a in data['annotations'])


def test_cli_reports_corrupt_file(tmp_path):
    labels = tmp_path / 'labels'
    labels.mkdir()
    fake_clip(labels / '0001.mat')
    (labels / '0002.mat').write_bytes(b'not a mat file')
    res = run(['tools/data/penn_action/convert.py', '--labels', str(labels),
               '--out', str(tmp_path / 'out.pkl'), '--no-progress'])
    assert res.returncode == 1
    assert '0002.mat' in res.stderr and 'Traceback' not in res.stderr


# ---- converter: real label files --------------------------------------------


@needs_data
def test_real_file_matches_official_readme_example():
    # labels/2301.mat is the example of the official Penn Action README.
    anno = load_penn_clip(str(LABELS / '2301.mat'))
    assert anno['label'] == PENN_ACTION_CLASSES.index('tennis_serve')
    assert anno['view'] == 'back' and anno['split'] == 'train'
    assert anno['total_frames'] == 46 and anno['img_shape'] == (272, 481)
    assert anno['keypoint'].shape == (1, 46, 13, 2)
    assert np.isfinite(anno['keypoint']).all()


@needs_data
def test_real_out_of_frame_ankles_are_missing():
    # 2094.mat (tennis_forehand): the ankles are out of the frame.
    anno = load_penn_clip(str(LABELS / '2094.mat'))
    ankles = [PENN13.index('left_ankle'), PENN13.index('right_ankle')]
    assert (anno['keypoint_score'][0][:, ankles] == 0).all()
    assert (anno['keypoint'][0][:, ankles] == 0).all()
    assert (anno['keypoint'][0][:, :11] > 2).all()


@needs_data
def test_cli_converts_real_files_into_a_pose_dataset(tmp_path):
    labels = tmp_path / 'labels'
    labels.mkdir()
    names = ['0001.mat', '0002.mat', '1154.mat', '2301.mat']
    for name in names:
        (labels / name).symlink_to(LABELS / name)
    out = tmp_path / 'penn' / 'penn_action.pkl'
    res = run(['tools/data/penn_action/convert.py', '--labels', str(labels),
               '--out', str(out), '--no-progress'])
    assert res.returncode == 0, res.stderr[-2000:]
    label_map = (out.parent / 'label_map.txt').read_text().split()
    assert label_map == sorted(label_map) == list(PENN_ACTION_CLASSES)

    from mmaction_pose.datasets import PoseDataset
    splits = {split: PoseDataset(str(out), pipeline=[], split=split)
              for split in ('train', 'test')}
    assert sum(len(d) for d in splits.values()) == len(names)
    sample = splits['train'][0]
    assert sample['keypoint'].shape[1:] == (sample['total_frames'], 13, 2)


# ---- Penn-13 layout and the COCO-17 mapping ---------------------------------


def test_penn13_flip_pairs_and_limbs():
    names = PENN13.joints
    for i, j in zip(PENN13.left_kp, PENN13.right_kp):
        assert names[i].replace('left_', 'right_') == names[j]
    assert PENN13.flip_index[PENN13.index('head')] == PENN13.index('head')
    assert PENN13.num_limbs == 14
    assert all(0 <= a < 13 and 0 <= b < 13 for a, b in PENN13.limbs)


def test_coco17_to_penn13_mapping_commutes_with_flip(rng):
    coco = rng.uniform(0, 100, (2, 5, 17, 2))
    penn = convert_keypoints(coco, COCO17_TO_PENN13)
    assert penn.shape == (2, 5, 13, 2)
    for i, src in enumerate(COCO17_TO_PENN13):
        expect = 'nose' if PENN13.joints[i] == 'head' else PENN13.joints[i]
        assert COCO17.joints[src] == expect
    flip_then_map = convert_keypoints(coco[..., COCO17.flip_index, :],
                                      COCO17_TO_PENN13)
    map_then_flip = penn[..., PENN13.flip_index, :]
    np.testing.assert_array_equal(flip_then_map, map_then_flip)


# ---- the committed checkpoint, re-evaluated on real data --------------------


# The Penn Action checkpoint is published by issue 5; until it is committed
# the re-evaluation tests are skipped (and the issue stays open).
needs_ckpt = pytest.mark.skipif(
    not list(CKPT_DIR.glob('penn_action_keypoint_*.pth')),
    reason='Penn Action checkpoint not published yet')


def published_checkpoint() -> Path:
    ckpts = sorted(CKPT_DIR.glob('penn_action_keypoint_*.pth'))
    assert len(ckpts) == 1, f'expected one checkpoint in {CKPT_DIR}'
    return ckpts[0]


def subset_ids(test_ids: list[str], size: int = SUBSET_SIZE) -> list[str]:
    """The fixed evaluation subset: ``size`` clips evenly spread over the
    test split in file order."""
    return [test_ids[i * len(test_ids) // size] for i in range(size)]


def write_penn_pickle(path: Path, keep: int | None = None) -> list[str]:
    """Convert the real labels; with ``keep``, only the fixed test subset."""
    data = convert_penn_action(list_label_files(str(LABELS)))
    ids = data['split']['test']
    if keep is not None:
        ids = subset_ids(ids, keep)
        wanted = set(ids)
        data = dict(split=dict(test=ids), annotations=[
            a for a in data['annotations'] if a['frame_dir'] in wanted])
    with open(path, 'wb') as f:
        pickle.dump(data, f)
    return ids


def evaluate(tmp_path: Path, ann_file: Path, num_clips: int) -> float:
    """Top-1 (%) of the committed checkpoint through tools/test.py."""
    from mmengine.config import Config
    cfg = Config.fromfile(str(CONFIG))
    loader = cfg.test_dataloader
    loader.dataset.ann_file = str(ann_file)
    loader.num_workers, loader.persistent_workers = 1, False
    for step in loader.dataset.pipeline:
        if step['type'] == 'UniformSampleFrames':
            step['num_clips'] = num_clips
    cfg.dump(str(tmp_path / 'cfg.py'))
    dump = tmp_path / 'pred.pkl'
    res = run(['tools/test.py', str(tmp_path / 'cfg.py'),
               str(published_checkpoint()), '--work-dir',
               str(tmp_path / 'work'), '--dump', str(dump)])
    assert res.returncode == 0, res.stderr[-3000:]
    with open(dump, 'rb') as f:
        preds = pickle.load(f)
    hits = [int(p['pred_score'].argmax()) == int(p['gt_label'])
            for p in preds]
    return 100.0 * sum(hits) / len(hits)


@needs_ckpt
def test_readme_records_the_tested_numbers():
    text = README.read_text()
    assert '## Penn Action' in text
    assert f'{SUBSET_TOP1:.1f}' in text and f'{FULL_TOP1:.2f}' in text


@needs_ckpt
def test_published_checkpoint_is_small_and_weights_only():
    import torch
    ckpt = published_checkpoint()
    assert ckpt.stat().st_size <= 10 * 2**20
    state = torch.load(str(ckpt), map_location='cpu', weights_only=True)
    assert set(state) == {'state_dict', 'meta'}
    assert (CKPT_DIR / 'label_map.txt').read_text().split() == list(
        PENN_ACTION_CLASSES)


@needs_ckpt
@needs_data
def test_checkpoint_reproduces_subset_accuracy(tmp_path):
    ann_file = tmp_path / 'penn_subset.pkl'
    ids = write_penn_pickle(ann_file, keep=SUBSET_SIZE)
    assert len(set(ids)) == SUBSET_SIZE
    top1 = evaluate(tmp_path, ann_file, num_clips=1)
    assert abs(top1 - SUBSET_TOP1) <= 0.5


@needs_ckpt
@pytest.mark.slow
@needs_data
def test_checkpoint_reproduces_full_test_accuracy(tmp_path):
    ann_file = tmp_path / 'penn_action.pkl'
    assert len(write_penn_pickle(ann_file)) == 1068
    top1 = evaluate(tmp_path, ann_file, num_clips=10)
    assert abs(top1 - FULL_TOP1) <= 0.5
