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
CONFIGS = {m: ROOT / 'configs' / 'posec3d' / f'penn_action_{m}.py'
           for m in ('keypoint', 'limb')}
CKPT_DIR = ROOT / 'configs' / 'posec3d' / 'penn_action'
README = ROOT / 'configs' / 'posec3d' / 'README.md'

# Numbers recorded in the "Penn Action" section of configs/posec3d/README.md
# for the committed checkpoints: (top-1, mean-class accuracy) in %, on the
# official 1068-clip test split, 10 clips x 2 flips; J+L = 1:1 score fusion.
RESULTS = {'keypoint': (98.41, 98.24), 'limb': (98.31, 98.38),
           'fused': (98.88, 98.85)}


def run(args: list[str], timeout: int = 600) -> subprocess.CompletedProcess:
    # PASSIVE: idle OpenMP threads sleep instead of spinning, which keeps a
    # shared 2-core machine usable (3-4x faster under load).
    env = dict(os.environ, OMP_NUM_THREADS='2', OMP_WAIT_POLICY='PASSIVE')
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


def published_checkpoint(model: str = 'keypoint') -> Path:
    ckpts = sorted(CKPT_DIR.glob(f'penn_action_{model}_*.pth'))
    assert len(ckpts) == 1, f'expected one {model} checkpoint in {CKPT_DIR}'
    return ckpts[0]


@pytest.mark.parametrize('model', ['keypoint', 'limb'])
def test_checkpoint_is_published(model):
    # The model zoo entry of configs/posec3d/README.md must not disappear.
    assert published_checkpoint(model).name in README.read_text()


def test_readme_records_the_tested_numbers():
    text = README.read_text()
    assert '## Penn Action' in text
    for top1, mean1 in RESULTS.values():
        assert f'{top1:.2f}' in text and f'{mean1:.2f}' in text


@pytest.mark.parametrize('model', ['keypoint', 'limb'])
def test_published_checkpoint_is_small_and_weights_only(model):
    import torch
    ckpt = published_checkpoint(model)
    assert ckpt.stat().st_size <= 10 * 2**20
    state = torch.load(str(ckpt), map_location='cpu', weights_only=True)
    assert set(state) == {'state_dict', 'meta'}
    assert (CKPT_DIR / 'label_map.txt').read_text().split() == list(
        PENN_ACTION_CLASSES)
    # The config shipped beside it is the leaf config, value by value.
    from mmengine.config import Config
    shipped = Config.fromfile(str(ckpt).replace('.pth', '_config.py'))
    leaf = Config.fromfile(str(CONFIGS[model]))
    for key in ('model', 'train_pipeline', 'test_pipeline', 'optim_wrapper',
                'param_scheduler', 'train_cfg'):
        assert shipped[key] == leaf[key], key


@pytest.fixture(scope='module')
def penn_pickle(tmp_path_factory) -> Path:
    """The real labels converted by the CLI (official split)."""
    ann_file = tmp_path_factory.mktemp('penn') / 'penn_action.pkl'
    res = run(['tools/data/penn_action/convert.py', '--labels', str(LABELS),
               '--out', str(ann_file), '--no-progress'])
    assert res.returncode == 0, res.stderr[-2000:]
    with open(ann_file, 'rb') as f:
        assert len(pickle.load(f)['split']['test']) == 1068
    return ann_file


def readme_test_command(model: str, ann_file: Path, dump: Path) -> Path:
    """Run the README's test command with ``--dump``; return the dump."""
    res = run(['tools/test.py', str(CONFIGS[model]),
               str(published_checkpoint(model)), '--work-dir',
               str(dump.parent / f'work_{model}'), '--dump', str(dump),
               '--cfg-options', f'test_dataloader.dataset.ann_file={ann_file}'])
    assert res.returncode == 0, res.stderr[-3000:]
    return dump


def accuracy(dumps: list[Path]) -> tuple[float, float]:
    """Top-1 and mean-class accuracy (%) of the 1:1 sum of the dumps'
    scores, computed by tools/fuse_scores.py."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        'fuse_scores', ROOT / 'tools' / 'fuse_scores.py')
    fuse_scores = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuse_scores)
    scores, labels = fuse_scores.load_scores(str(dumps[0]))
    assert len(labels) == 1068 and scores.shape[1] == 15
    fused = fuse_scores.fuse([str(d) for d in dumps])['fused']
    return 100.0 * fused['top1'], 100.0 * fused['mean_class']


@needs_data
def test_checkpoint_reproduces_the_readme_accuracy(tmp_path, penn_pickle):
    """The README command for the keypoint model, on the real official test
    split: 1068 clips, 10 clips x 2 flips (about 2 min on 2 CPU cores)."""
    dump = readme_test_command('keypoint', penn_pickle,
                               tmp_path / 'keypoint.pkl')
    top1, mean1 = accuracy([dump])
    assert abs(top1 - RESULTS['keypoint'][0]) <= 0.5, top1
    assert abs(mean1 - RESULTS['keypoint'][1]) <= 0.5, mean1


@pytest.mark.slow
@needs_data
def test_limb_checkpoint_and_fusion_reproduce_the_readme(tmp_path,
                                                         penn_pickle):
    dumps = [readme_test_command(m, penn_pickle, tmp_path / f'{m}.pkl')
             for m in ('keypoint', 'limb')]
    for model, dumped in zip(('keypoint', 'limb'), ([dumps[0]], [dumps[1]])):
        top1, mean1 = accuracy(dumped)
        assert abs(top1 - RESULTS[model][0]) <= 0.5, (model, top1)
        assert abs(mean1 - RESULTS[model][1]) <= 0.5, (model, mean1)
    top1, mean1 = accuracy(dumps)
    assert abs(top1 - RESULTS['fused'][0]) <= 0.5, top1
    assert abs(mean1 - RESULTS['fused'][1]) <= 0.5, mean1


@needs_data
def test_demo_default_model_recognises_real_clips_from_coco17_poses():
    """The demos' default model (this checkpoint) through the demos' path:
    COCO-17 poses in (Penn-13 ground truth placed in the COCO-17 slots,
    eyes and ears missing), mapped back by ``COCO17_TO_PENN13``."""
    from mmaction_pose.apis.inference import (SkeletonRecognizer,
                                              find_default_model)
    config, ckpt = find_default_model()
    assert Path(ckpt) == published_checkpoint()
    model = SkeletonRecognizer(config, ckpt, num_clips=1, double=False)
    assert model.classes == list(PENN_ACTION_CLASSES)
    hits = []
    for path in list_label_files(str(LABELS))[::40]:  # spread over classes
        anno = load_penn_clip(path)
        if anno['split'] != 'test':
            continue
        kp, score = anno['keypoint'], anno['keypoint_score']
        coco_kp = np.zeros(kp.shape[:2] + (17, 2), np.float32)
        coco_score = np.zeros(kp.shape[:2] + (17, ), np.float32)
        coco_kp[:, :, list(COCO17_TO_PENN13)] = kp
        coco_score[:, :, list(COCO17_TO_PENN13)] = score
        scores = model.predict(coco_kp, coco_score, anno['img_shape'])
        hits.append(int(np.argmax(scores)) == anno['label'])
    assert len(hits) >= 20 and sum(hits) >= 0.9 * len(hits), hits


def test_make_penn_test_uses_the_published_checkpoint():
    res = subprocess.run(['make', '-n', 'penn-test', 'PENN_LABELS=/x/labels'],
                         cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert any('convert.py --labels /x/labels' in line for line in lines)
    rel = published_checkpoint().relative_to(ROOT)
    assert any(line.endswith(f'penn_action_keypoint.py {rel}')
               for line in lines), lines
