# Copyright (c) mmaction-pose. All rights reserved.
"""Corruption fuzz test of PoseDataset annotations (docs/data_validation.md).

Every corruption of every field (types, shapes, NaN/Inf, empty,
out-of-range, missing keys, file-level damage, missing media) goes through
dataset loading and one pipeline pass of the sample, for each data source
our registered dataset classes serve: skeleton heatmaps, PA3D joint+PAF
maps, PA3D feature maps and RGB+pose videos. Each case must end either in
one clear error naming the file (and the sample and field), or in the
documented handling with a batch whose inputs all have the clean shapes:
never in a crash in the pipeline, never in a silently padded batch.
"""
from __future__ import annotations

import pickle
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.registry import DefaultScope

from conftest import ROOT, write_video
from mmaction_pose.datasets.pose_dataset import AnnotationError
from mmaction_pose.registry import DATASETS

BASES = ROOT / 'configs' / '_base_' / 'datasets'
T, V, H, W = 8, 17, 48, 64
NUM_CLASSES = 3
POSE = {'keypoint', 'keypoint_score', 'total_frames', 'img_shape'}


@lru_cache
def _config(name: str) -> Config:
    return Config.fromfile(str(BASES / name))


def _feature_pipeline(root: Path) -> list:
    steps = _config('jhmdb_pa3d.py').to_dict()['train_pipelines']['feature']
    return [
        dict(s, data_prefix=str(root))
        if s['type'] == 'LoadPoseFeatureMaps' else s for s in steps
    ]


# Data source -> (pipeline(root), dataset kwargs(root), fields it reads).
VARIANTS = {
    'skeleton': (lambda root: _config('synthetic_keypoint.py').train_pipeline,
                 lambda root: {}, POSE),
    'pa3d_joint_paf':
    (lambda root: _config('jhmdb_pa3d.py').train_pipelines['joint_paf'],
     lambda root: {}, POSE),
    'pa3d_feature':
    (_feature_pipeline, lambda root: {}, {'total_frames', 'feature'}),
    'rgbpose':
    (lambda root: _config('penn_action_rendered/rgbpose.py').train_pipeline,
     lambda root: dict(data_prefix=dict(video=str(root))), POSE | {'video'}),
}
#: Every dataset class we register is exercised by these variants.
COVERED_CLASSES = {'PoseDataset'}


def clean_data() -> dict:
    """3 COCO-17 samples in a 64x48 image; #1 has two people."""
    rng = np.random.default_rng(0)
    annos = []
    for i in range(3):
        kp = rng.uniform((8, 8), (W - 8, H - 8), (1 + (i == 1), T, V, 2))
        annos.append(
            dict(frame_dir=f's{i}',
                 label=i,
                 total_frames=T,
                 img_shape=(H, W),
                 original_shape=(H, W),
                 keypoint=kp.astype(np.float32),
                 keypoint_score=rng.uniform(.5, 1,
                                            kp.shape[:3]).astype(np.float32)))
    return dict(split=dict(train=['s0', 's1', 's2'], test=['s0']),
                annotations=annos)


@dataclass(frozen=True)
class Case:
    """One corruption.

    Args:
        field: What it damages; variants that never read it must accept it.
        mutate: ``(data, root) -> object to pickle`` (``bytes``: the file's
            bytes, ``None``: no file), damaging ``root``'s media if need be.
        error: Regex of the expected one-line error, ``None``: handled.
        check: For handled cases, ``(dataset) -> None`` asserting the
            documented handling.
        sample: The sample the error must name (``None``: file level).
    """

    field: str
    mutate: Callable
    error: str | None = None
    check: Callable | None = None
    sample: int | None = 1


def _set(field: str, value, idx: int = 1) -> Callable:

    def mutate(data, root):
        anno = data['annotations'][idx]
        anno[field] = value(anno) if callable(value) else value
        return data

    return mutate


def _sample(value) -> Callable:

    def mutate(data, root):
        data['annotations'][1] = value
        return data

    return mutate


def _del(field: str) -> Callable:

    def mutate(data, root):
        del data['annotations'][1][field]
        return data

    return mutate


def _kp(fn: Callable) -> Callable:
    return _set('keypoint', lambda a: fn(a['keypoint'].copy()))


def _score(fn: Callable) -> Callable:
    return _set('keypoint_score', lambda a: fn(a['keypoint_score'].copy()))


def _put(array: np.ndarray, value, index=(0, 3, 5)) -> np.ndarray:
    array[index] = value
    return array


def _file(content) -> Callable:
    return lambda data, root: content(data) if callable(content) else content


def _split(fn: Callable) -> Callable:

    def mutate(data, root):
        fn(data['split'])
        return data

    return mutate


def _media(name: str, damage: Callable) -> Callable:

    def mutate(data, root):
        damage(root / name)
        return data

    return mutate


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:len(path.read_bytes()) // 3])


def _missing_joint(ds) -> None:
    info = ds.get_data_info(1)
    assert info['keypoint_score'][0, 3, 5] == 0
    assert (info['keypoint'][0, 3, 5] == 0).all()
    assert np.isfinite(info['keypoint']).all()


def _missing_person(ds) -> None:
    info = ds.get_data_info(1)
    assert (info['keypoint_score'][1] == 0).all()
    assert (info['keypoint'][1] == 0).all()


def _clipped(ds) -> None:
    score = ds.get_data_info(1)['keypoint_score']
    assert score.min() >= 0 and score.max() <= 1
    assert score[0, 3, 5] in (0, 1)


def _no_person(ds) -> None:
    assert ds.get_data_info(1)['keypoint'].shape[0] == 0


def _float32(ds) -> None:
    info = ds.get_data_info(1)
    assert info['keypoint'].dtype == np.float32
    assert info['keypoint_score'].dtype == np.float32


_PICKLE = pickle.dumps(clean_data())
CASES = {
    # ---- the file ----------------------------------------------------------
    'file_missing':
    Case('file', _file(None), 'does not exist', sample=None),
    'file_empty':
    Case('file', _file(b''), 'cannot be read', sample=None),
    'file_truncated':
    Case('file',
         _file(_PICKLE[:len(_PICKLE) // 2]),
         'cannot be read',
         sample=None),
    'file_not_a_pickle':
    Case('file',
         _file(b'frame_dir,label\ns0,0\n'),
         'cannot be read',
         sample=None),
    'file_unknown_class':
    Case('file',
         _file(b'cno_such_module\nGhost\n.'),
         'cannot be read',
         sample=None),
    'file_is_a_str':
    Case('file',
         _file('annotations'),
         "needs a dict with 'split'",
         sample=None),
    'file_is_a_bare_list':
    Case('file',
         _file(lambda d: d['annotations']),
         "needs a dict with 'split'",
         sample=None),
    'file_without_annotations':
    Case('file',
         _file(lambda d: dict(split=d['split'])),
         "'split' and 'annotations'",
         sample=None),
    'annotations_not_a_list':
    Case('file',
         _file(lambda d: dict(d, annotations={'s0': 1})),
         'expected a list of samples',
         sample=None),
    # ---- the split ---------------------------------------------------------
    'split_unknown_name':
    Case('split',
         _split(lambda s: s.pop('train')),
         "unknown split 'train'",
         sample=None),
    'split_not_a_dict':
    Case('split',
         _file(lambda d: dict(d, split=['s0'])),
         "'split' must be a dict",
         sample=None),
    'split_ids_a_str':
    Case('split',
         _split(lambda s: s.update(train='s0')),
         'must be a list of sample ids',
         sample=None),
    'split_empty':
    Case('split',
         _split(lambda s: s.update(train=[])),
         "split 'train' is empty",
         sample=None),
    'split_id_without_annotation':
    Case('split',
         _split(lambda s: s['train'].append('ghost')),
         r"1 id\(s\) of split 'train' have no annotation.*ghost",
         sample=None),
    'frame_dir_duplicate':
    Case('split',
         _set('frame_dir', 's1', idx=2),
         "'frame_dir' repeats sample #1",
         sample=2),
    # ---- a sample ----------------------------------------------------------
    'sample_none':
    Case('sample', _sample(None), 'expected a dict, got NoneType'),
    'sample_list':
    Case('sample', _sample([1, 2]), 'expected a dict, got list'),
    'frame_dir_missing':
    Case('frame_dir', _del('frame_dir'), "'frame_dir' is missing"),
    'frame_dir_int':
    Case('frame_dir', _set('frame_dir', 7),
         "'frame_dir' must be a non-empty str"),
    'frame_dir_empty':
    Case('frame_dir', _set('frame_dir', ''),
         "'frame_dir' must be a non-empty str"),
    'label_missing':
    Case('label', _del('label'), "'label' is missing"),
    'label_none':
    Case('label', _set('label', None), "'label' must be"),
    'label_str':
    Case('label', _set('label', '1'), "'label' must be"),
    'label_float':
    Case('label', _set('label', 1.0), "'label' must be"),
    'label_negative':
    Case('label', _set('label', -1), "'label' must be"),
    'label_bool':
    Case('label', _set('label', True), "'label' must be"),
    'label_list':
    Case('label', _set('label', [1]), "'label' must be"),
    'label_out_of_range':
    Case('label', _set('label', 99), "'label' is 99, but num_classes=3"),
    'label_numpy_int':
    Case('label', _set('label', np.int64(1))),
    'total_frames_missing':
    Case('total_frames', _del('total_frames'), "'total_frames' is missing"),
    'total_frames_zero':
    Case('total_frames', _set('total_frames', 0),
         "'total_frames' must be a positive int"),
    'total_frames_negative':
    Case('total_frames', _set('total_frames', -8),
         "'total_frames' must be a positive int"),
    'total_frames_float':
    Case('total_frames', _set('total_frames', 8.0),
         "'total_frames' must be a positive int"),
    'total_frames_str':
    Case('total_frames', _set('total_frames', '8'),
         "'total_frames' must be a positive int"),
    'total_frames_mismatch':
    Case('keypoint', _set('total_frames', 12), "'keypoint' has 8 frames but "
         'total_frames=12'),
    'keypoint_missing':
    Case('keypoint', _del('keypoint'), "'keypoint' is missing"),
    'keypoint_none':
    Case('keypoint', _set('keypoint', None),
         "'keypoint' must be a numpy array"),
    'keypoint_list':
    Case('keypoint', _kp(lambda k: k.tolist()),
         "'keypoint' must be a numpy array"),
    'keypoint_3d':
    Case('keypoint', _kp(lambda k: k[0]),
         r"'keypoint' must be an \(M, T, V, 2\|3\) array"),
    'keypoint_5d':
    Case('keypoint', _kp(lambda k: k[None]),
         r"'keypoint' must be an \(M, T, V, 2\|3\) array"),
    'keypoint_one_channel':
    Case('keypoint', _kp(lambda k: k[..., :1]),
         r"'keypoint' must be an \(M, T, V"),
    'keypoint_four_channels':
    Case('keypoint', _kp(lambda k: np.concatenate([k, k], -1)),
         r"'keypoint' must be an \(M, T, V"),
    'keypoint_object_dtype':
    Case('keypoint', _kp(lambda k: k.astype(object)),
         "'keypoint' must hold real numbers"),
    'keypoint_str_dtype':
    Case('keypoint', _kp(lambda k: k.astype(str)),
         "'keypoint' must hold real numbers"),
    'keypoint_bool_dtype':
    Case('keypoint', _kp(lambda k: k > 20),
         "'keypoint' must hold real numbers"),
    'keypoint_no_person':
    Case('keypoint',
         lambda d, r: _score(lambda s: s[:0])(_kp(lambda k: k[:0])(d, r), r),
         check=_no_person),
    'keypoint_no_joint':
    Case('keypoint', _kp(lambda k: k[:, :, :0]), "'keypoint' is empty"),
    'keypoint_frames_mismatch':
    Case('keypoint', _kp(lambda k: k[:, :6]), "'keypoint' has 6 frames"),
    'keypoint_13_joints':
    Case(
        'keypoint', lambda d, r: _score(lambda s: s[..., :13])
        (_kp(lambda k: k[:, :, :13])(d, r), r), "'keypoint' has 13 joints"),
    'keypoint_inf':
    Case('keypoint', _kp(lambda k: _put(k, np.inf)),
         "'keypoint' has 2 infinite value"),
    'keypoint_minus_inf':
    Case('keypoint', _kp(lambda k: _put(k, -np.inf, (1, 0, 0, 1))),
         r"'keypoint' has 1 infinite value.*person 1, frame 0, joint 0"),
    'keypoint_nan_coordinate':
    Case('keypoint',
         _kp(lambda k: _put(k, np.nan, (0, 3, 5, 0))),
         check=_missing_joint),
    'keypoint_nan_joint':
    Case('keypoint', _kp(lambda k: _put(k, np.nan)), check=_missing_joint),
    'keypoint_nan_person':
    Case('keypoint', _kp(lambda k: _put(k, np.nan, 1)), check=_missing_person),
    'keypoint_int_dtype':
    Case('keypoint', _kp(lambda k: k.astype(np.int64)), check=_float32),
    'score_missing':
    Case('keypoint_score', _del('keypoint_score')),
    'score_none':
    Case('keypoint_score', _set('keypoint_score', None),
         "'keypoint_score' must be a numpy array"),
    'score_list':
    Case('keypoint_score', _score(lambda s: s.tolist()),
         "'keypoint_score' must be a numpy array"),
    'score_wrong_shape':
    Case('keypoint_score', _score(lambda s: s[:, :, :9]),
         r"'keypoint_score' must have shape \(2, 8, 17\)"),
    'score_object_dtype':
    Case('keypoint_score', _score(lambda s: s.astype(object)),
         "'keypoint_score' must hold real numbers"),
    'score_nan':
    Case('keypoint_score',
         _score(lambda s: _put(s, np.nan)),
         check=_missing_joint),
    'score_inf':
    Case('keypoint_score', _score(lambda s: _put(s, np.inf)),
         "'keypoint_score' has 1 infinite value"),
    'score_above_one':
    Case('keypoint_score', _score(lambda s: _put(s, 1.7)),
         r"'keypoint_score' must be in \[0, 1\]"),
    'score_negative':
    Case('keypoint_score', _score(lambda s: _put(s, -0.6)),
         r"'keypoint_score' must be in \[0, 1\]"),
    'score_heatmap_overshoot':
    Case('keypoint_score', _score(lambda s: _put(s, 1.04)), check=_clipped),
    'score_slightly_negative':
    Case('keypoint_score', _score(lambda s: _put(s, -0.01)), check=_clipped),
    'score_int_dtype':
    Case('keypoint_score',
         _score(lambda s: np.ones(s.shape, np.int64)),
         check=_float32),
    'img_shape_missing':
    Case('img_shape', _del('img_shape'), "'img_shape' is missing"),
    'img_shape_zero':
    Case('img_shape', _set('img_shape', (0, W)), "'img_shape' must be"),
    'img_shape_negative':
    Case('img_shape', _set('img_shape', (-H, W)), "'img_shape' must be"),
    'img_shape_three_values':
    Case('img_shape', _set('img_shape', (H, W, 3)), "'img_shape' must be"),
    'img_shape_str':
    Case('img_shape', _set('img_shape', 'HxW'), "'img_shape' must be"),
    'img_shape_nan':
    Case('img_shape', _set('img_shape', (np.nan, W)), "'img_shape' must be"),
    # ---- media files -------------------------------------------------------
    'video_missing':
    Case('video', _media('s1.mp4', Path.unlink),
         r"video '.*s1\.mp4' does not exist"),
    'video_truncated':
    Case('video', _media('s1.mp4', _truncate),
         r"video '.*s1\.mp4' cannot be opened"),
    'video_too_short':
    Case('video', _media('s1.mp4', lambda p: write_video(p, num_frames=5)),
         r"video '.*s1\.mp4' has 5 frames, fewer than total_frames=8"),
    'feature_missing':
    Case('feature', _media('s1.npy', Path.unlink),
         r"feature file '.*s1\.npy' does not exist"),
    'feature_truncated':
    Case('feature', _media('s1.npy', _truncate),
         r"feature file '.*s1\.npy' cannot be read"),
    'feature_wrong_ndim':
    Case('feature', _media('s1.npy', lambda p: np.save(p, np.zeros((T, 4)))),
         r"feature file '.*s1\.npy' must hold \(F, C, H, W\)"),
}


@pytest.fixture(scope='module')
def media(tmp_path_factory) -> Path:
    """The clean samples' videos and PA3D feature maps."""
    root = tmp_path_factory.mktemp('media')
    for i in range(3):
        write_video(root / f's{i}.mp4', num_frames=T, size=(W, H))
        np.save(root / f's{i}.npy',
                np.random.default_rng(i).random((T, 4, 6, 8), np.float32))
    return root


def _build(root: Path, content, variant: str):
    pipeline, kwargs, _ = VARIANTS[variant]
    ann_file = root / 'ann.pkl'
    if isinstance(content, bytes):
        ann_file.write_bytes(content)
    elif content is not None:
        ann_file.write_bytes(pickle.dumps(content))
    return DATASETS.build(
        dict(type='PoseDataset',
             ann_file=str(ann_file),
             split='train',
             pipeline=pipeline(root),
             num_classes=NUM_CLASSES,
             serialize_data=False,  # its gc.collect() costs 0.2 s a case
             **kwargs(root)))


def _input_shapes(dataset, idx: int = 1) -> list:
    """Shapes of the pipeline's inputs for sample ``idx`` (all finite)."""
    inputs = dataset[idx]['inputs']
    parts = list(inputs.values()) if isinstance(inputs, dict) else [inputs]
    for part in parts:
        assert torch.isfinite(part).all()
    return [tuple(p.shape) for p in parts]


@pytest.fixture(scope='module')
def clean_shapes(media) -> dict:
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        return {
            v: _input_shapes(_build(media, clean_data(), v))
            for v in VARIANTS
        }


def test_there_are_enough_distinct_corruptions():
    assert len(CASES) >= 40
    assert {
        c.field
        for c in CASES.values()
    } >= POSE | {
        'file', 'split', 'sample', 'frame_dir', 'label', 'video', 'feature'
    }


def test_every_registered_dataset_class_is_fuzzed():
    assert set(DATASETS.module_dict) == COVERED_CLASSES


@pytest.mark.parametrize('variant', VARIANTS)
@pytest.mark.parametrize('name', CASES)
def test_corruption_ends_in_a_clear_error_or_the_documented_handling(
        tmp_path, media, clean_shapes, name, variant):
    case = CASES[name]
    for f in media.iterdir():
        if f.suffix in ('.mp4', '.npy'):
            shutil.copy(f, tmp_path)
    content = case.mutate(clean_data(), tmp_path)
    always = {'file', 'split', 'sample', 'frame_dir', 'label'}
    applies = case.field in always | VARIANTS[variant][2]
    if case.error is not None and applies:
        with pytest.raises((AnnotationError, OSError)) as err:
            _build(tmp_path, content, variant)
        msg = str(err.value)
        assert '\n' not in msg and 'ann.pkl' in msg
        assert err.match(case.error)
        if case.sample is not None:
            assert f'sample #{case.sample}' in msg
        return
    dataset = _build(tmp_path, content, variant)
    if case.check is not None and applies:
        case.check(dataset)
    # One pipeline pass of the damaged sample: the clean shapes, finite
    # values (nothing to pad, nothing to crash on in the training loop).
    assert len(dataset) == 3
    assert _input_shapes(dataset) == clean_shapes[variant]
