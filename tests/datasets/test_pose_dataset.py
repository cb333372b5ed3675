# Copyright (c) mmaction-pose. All rights reserved.
"""PoseDataset: parity with mmaction2's class and clear annotation errors."""
from __future__ import annotations

import pickle

import numpy as np
import pytest

from mmaction.datasets import PoseDataset as MMAPoseDataset
from mmaction_pose.datasets import PoseDataset
from mmaction_pose.datasets.pose_dataset import AnnotationError


def _anno(i: int, T: int = 5) -> dict:
    return dict(frame_dir=f'v{i}', label=i % 3, img_shape=(64, 64),
                original_shape=(64, 64), total_frames=T,
                keypoint=np.ones((1, T, 17, 2), np.float32),
                keypoint_score=np.ones((1, T, 17), np.float32))


# A pipeline that reads every field (keypoints, total_frames, img_shape).
KP_PIPELINE = [
    dict(type='UniformSampleFrames', clip_len=2),
    dict(type='PoseDecode'),
    dict(type='GeneratePoseTarget')
]


def _write(tmp_path, obj, name='ann.pkl'):
    path = tmp_path / name
    with open(path, 'wb') as f:
        pickle.dump(obj, f)
    return str(path)


@pytest.mark.parametrize('split', ['train', 'val', None])
@pytest.mark.parametrize('prefix', [{}, dict(video='videos')])
def test_data_list_matches_mmaction(tmp_path, split, prefix):
    annos = [_anno(i) for i in range(6)]
    data = dict(split=dict(train=['v0', 'v2', 'v4'], val=['v1', 'v3']),
                annotations=annos)
    path = _write(tmp_path, data if split else annos)
    ours = PoseDataset(path, [], split=split, data_prefix=prefix)
    ref = MMAPoseDataset(path, [], split=split, data_prefix=prefix)
    assert len(ours) == len(ref) > 0
    for i in range(len(ref)):
        a, b = ours.get_data_info(i), ref.get_data_info(i)
        assert a.keys() == b.keys()
        for key in b:
            np.testing.assert_array_equal(a[key], b[key])


def test_missing_file_names_the_file(tmp_path):
    with pytest.raises(AnnotationError, match='nope.pkl.*does not exist'):
        PoseDataset(str(tmp_path / 'nope.pkl'), [])


@pytest.mark.parametrize('ann_file, hint', [
    ('data/penn_action/penn_action.pkl', 'tools/data/penn_action/convert.py'),
    ('data/synthetic/synthetic_coco17.pkl', 'make data'),
    ('data/skeleton/ntu60_2d.pkl', 'configs/posec3d/README.md#data'),
    ('elsewhere/mine.pkl', 'tools/data/skeleton/extract_poses.py'),
])
def test_missing_file_says_how_to_make_it(tmp_path, ann_file, hint):
    with pytest.raises(AnnotationError) as err:
        PoseDataset(str(tmp_path / 'root' / ann_file), [])
    assert hint in str(err.value)


def test_unreadable_pickle_names_the_file(tmp_path):
    path = tmp_path / 'bad.pkl'
    path.write_bytes(b'this is not a pickle')
    with pytest.raises(AnnotationError, match='bad.pkl.*cannot be read'):
        PoseDataset(str(path), [])


@pytest.mark.parametrize('field', ['keypoint', 'total_frames', 'label'])
def test_missing_field_names_sample_and_field(tmp_path, field):
    annos = [_anno(i) for i in range(3)]
    del annos[1][field]
    path = _write(tmp_path, dict(split=dict(train=['v0', 'v1', 'v2']),
                                 annotations=annos))
    with pytest.raises(AnnotationError) as err:
        PoseDataset(path, KP_PIPELINE, split='train')
    msg = str(err.value)
    assert 'ann.pkl' in msg and 'sample #1' in msg and "'v1'" in msg
    assert f"'{field}'" in msg


def test_inconsistent_keypoint_frames(tmp_path):
    annos = [_anno(0)]
    annos[0]['total_frames'] = 9
    path = _write(tmp_path, annos)
    with pytest.raises(AnnotationError, match="'keypoint' has 5 frames"):
        PoseDataset(path, KP_PIPELINE)


def test_bad_score_shape(tmp_path):
    annos = [_anno(0)]
    annos[0]['keypoint_score'] = np.ones((1, 5, 13), np.float32)
    path = _write(tmp_path, annos)
    with pytest.raises(AnnotationError, match="'keypoint_score'"):
        PoseDataset(path, KP_PIPELINE)


def test_unknown_split_lists_available(tmp_path):
    path = _write(tmp_path, dict(split=dict(train=['v0']),
                                 annotations=[_anno(0)]))
    with pytest.raises(AnnotationError, match=r"unknown split 'xsub_val'.*"
                       r"\['train'\]"):
        PoseDataset(path, [], split='xsub_val')


def test_bare_list_with_split_is_explained(tmp_path):
    # mmaction2#2800: a bare list plus `split` gives "list indices must be
    # integers" in mmaction2.
    path = _write(tmp_path, [_anno(0)])
    with pytest.raises(AnnotationError, match="needs a dict with 'split'"):
        PoseDataset(path, [], split='train')


def _kinetics_style(n: int = 6) -> dict:
    """mmaction2's tests/data/annotations/sample.pkl layout: no keypoints
    (they live in per-video files), box scores and per-threshold counts."""
    rng = np.random.default_rng(0)
    annos = []
    for i in range(n):
        box_score = rng.uniform(0.4, 1.0, 10).astype(np.float32)
        annos.append(dict(
            frame_dir=f'k{i}', label=i % 4, total_frames=10,
            img_shape=(64, 64), original_shape=(64, 64), box_score=box_score,
            valid={t: int((box_score >= t).sum())
                   for t in (.5, .6, .7, .8, .9)}))
    return dict(split=dict(train=[a['frame_dir'] for a in annos]),
                annotations=annos)


@pytest.mark.parametrize('kwargs', [
    dict(data_prefix=dict(video='root')),
    dict(valid_ratio=0.3, box_thr=0.7),
    dict(valid_ratio=0.2, box_thr=0.9),
])
def test_keypointless_annotations_match_mmaction(tmp_path, kwargs):
    # mmaction2's own test_pose_dataset: a pipeline that needs no keypoints
    # and no `skeleton` prefix; validation follows what the pipeline needs.
    path = _write(tmp_path, _kinetics_style())
    ours = PoseDataset(path, [], split='train', **kwargs)
    ref = MMAPoseDataset(path, [], split='train', **kwargs)
    assert len(ours) == len(ref) > 0
    for i in range(len(ref)):
        a, b = ours[i], ref[i]
        assert a.keys() == b.keys()
        np.testing.assert_array_equal(a['box_score'], b['box_score'])
        assert a['frame_dir'] == b['frame_dir']


def test_keypointless_annotations_fail_for_a_keypoint_pipeline(tmp_path):
    path = _write(tmp_path, _kinetics_style())
    with pytest.raises(AnnotationError, match="sample #0.*'keypoint' is "
                       'missing'):
        PoseDataset(path, KP_PIPELINE, split='train')


def test_label_beyond_num_classes_fails_at_load_time(tmp_path):
    annos = [_anno(i) for i in range(3)]
    annos[2]['label'] = 99
    path = _write(tmp_path, annos)
    with pytest.raises(AnnotationError, match=r"sample #2 .*'label' is 99, "
                       'but num_classes=3'):
        PoseDataset(path, [], num_classes=3)


class _FailOn:
    """A transform that raises on one ``frame_dir``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, results: dict) -> dict:
        if results['frame_dir'] == self.name:
            raise ValueError('boom')
        return results


@pytest.mark.parametrize('num_workers', [0, 1])
def test_pipeline_error_names_the_sample_in_workers(tmp_path, num_workers):
    from torch.utils.data import DataLoader

    from mmaction_pose.datasets.pose_dataset import SampleError
    # Named by its position in the file (#2), as load-time errors name it,
    # not by its dataset index (#1).
    path = _write(tmp_path, dict(split=dict(train=['v1', 'v2', 'v3']),
                                 annotations=[_anno(i) for i in range(4)]))
    dataset = PoseDataset(path, [_FailOn('v2')], split='train')
    loader = DataLoader(dataset, batch_size=1, num_workers=num_workers,
                        collate_fn=list)
    with pytest.raises(SampleError, match=r"ann.pkl', sample #2 \(frame_dir"
                       r"='v2'\): ValueError: boom"):
        list(loader)
