# Copyright (c) mmaction-pose. All rights reserved.
"""PA3D modality transforms: PAF shell, differences, feature maps, format."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from mmcv.transforms import Compose

from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures import COCO17


def _build(cfg: dict):
    return TRANSFORMS.build(cfg)


def test_paf_shell_shape_and_key(coco_pose):
    t = _build(dict(type='GeneratePartAffinityFields', layout='coco17',
                    scaling=0.5, out_key='paf_imgs'))
    out = t(copy.deepcopy(coco_pose))
    assert out['paf_imgs'].shape == (8, 2 * COCO17.num_limbs, 16, 16)
    assert out['paf_imgs'].dtype == np.float32
    assert 'imgs' not in out


def test_paf_shell_double_appends_flipped_fields(coco_pose):
    single = _build(dict(type='GeneratePartAffinityFields', layout='coco17'))
    double = _build(dict(type='GeneratePartAffinityFields', layout='coco17',
                         double=True))
    a = single(copy.deepcopy(coco_pose))['imgs']
    b = double(copy.deepcopy(coco_pose))['imgs']
    assert b.shape == (16, ) + a.shape[1:]
    np.testing.assert_array_equal(b[:8], a)
    assert not np.array_equal(b[8:], a)


def test_paf_shell_does_not_mutate_keypoints(coco_pose):
    kp = coco_pose['keypoint'].copy()
    _build(dict(type='GeneratePartAffinityFields', layout='coco17',
                scaling=2.0))(coco_pose)
    np.testing.assert_array_equal(coco_pose['keypoint'], kp)


def test_paf_shell_rejects_unknown_layout():
    with pytest.raises(KeyError, match='unknown skeleton layout'):
        _build(dict(type='GeneratePartAffinityFields', layout='openpose18'))


def test_temporal_difference_is_within_clips(rng):
    maps = rng.random((2 * 4, 3, 5, 5)).astype(np.float32)  # 2 clips × T=4
    out = _build(dict(type='PoseTemporalDifference'))(
        dict(imgs=maps.copy(), clip_len=4, num_clips=2))
    assert out['imgs'].shape == (2 * 3, 3, 5, 5)
    assert out['clip_len'] == 3 and out['clip_lens'] == dict(imgs=3)
    clips = maps.reshape(2, 4, 3, 5, 5)
    np.testing.assert_allclose(out['imgs'].reshape(2, 3, 3, 5, 5),
                               clips[:, 1:] - clips[:, :-1])


def test_temporal_difference_to_other_key_keeps_clip_len(rng):
    maps = rng.random((4, 2, 3, 3)).astype(np.float32)
    out = _build(dict(type='PoseTemporalDifference', out_key='jdiff_imgs'))(
        dict(imgs=maps, clip_len=4, num_clips=1))
    assert out['clip_len'] == 4 and out['clip_lens'] == dict(jdiff_imgs=3)
    assert out['imgs'] is maps
    assert out['jdiff_imgs'].shape == (3, 2, 3, 3)


def test_temporal_difference_needs_two_frames():
    with pytest.raises(ValueError, match='clip_len >= 2'):
        _build(dict(type='PoseTemporalDifference'))(
            dict(imgs=np.zeros((1, 1, 2, 2)), clip_len=1, num_clips=1))


def test_format_pose_modalities_matches_format_shape(rng):
    maps = rng.random((2 * 4, 3, 5, 6)).astype(np.float32)
    ours = _build(dict(type='FormatPoseModalities', keys=('imgs', )))(
        dict(imgs=maps.copy(), clip_len=4, num_clips=2))
    ref = _build(dict(type='FormatShape', input_format='NCTHW_Heatmap'))(
        dict(imgs=maps.copy(), clip_len=4, num_clips=2))
    np.testing.assert_array_equal(ours['imgs'], ref['imgs'])


def test_format_pose_modalities_uses_per_key_clip_len(rng):
    results = dict(imgs=rng.random((2 * 4, 3, 5, 5)), clip_len=4,
                   num_clips=2, paf_imgs=rng.random((2 * 4, 6, 5, 5)))
    pipeline = Compose([
        _build(dict(type='PoseTemporalDifference', out_key='jdiff_imgs')),
        _build(dict(type='FormatPoseModalities',
                    keys=('imgs', 'paf_imgs', 'jdiff_imgs'))),
    ])
    out = pipeline(results)
    assert out['imgs'].shape == (2, 3, 4, 5, 5)
    assert out['paf_imgs'].shape == (2, 6, 4, 5, 5)
    assert out['jdiff_imgs'].shape == (2, 3, 3, 5, 5)


def test_load_feature_maps_picks_sampled_frames(tmp_path, rng):
    feats = rng.random((6, 4, 3, 5)).astype(np.float16)
    np.save(tmp_path / 'vid_a.npy', feats)
    t = _build(dict(type='LoadPoseFeatureMaps', data_prefix=str(tmp_path),
                    scale=2.0))
    # RawframeDataset's start_index is 1; index 7 loops back to frame 0
    out = t(dict(frame_dir='some/root/vid_a',
                 frame_inds=np.array([2, 3, 7]), start_index=1))
    assert out['imgs'].dtype == np.float32
    assert out['img_shape'] == (3, 5)
    np.testing.assert_allclose(out['imgs'],
                               2 * feats[[1, 2, 0]].astype(np.float32))


def test_jdiff_pipeline_from_keypoints(coco_pose):
    pipeline = Compose([
        _build(dict(type='SampleFrames', clip_len=4, frame_interval=1,
                    num_clips=2, test_mode=True)),
        _build(dict(type='PoseDecode')),
        _build(dict(type='GeneratePoseTarget', sigma=0.6, with_kp=True,
                    with_limb=False)),
        _build(dict(type='PoseTemporalDifference')),
        _build(dict(type='FormatShape', input_format='NCTHW_Heatmap')),
        _build(dict(type='PackActionInputs')),
    ])
    sample = dict(copy.deepcopy(coco_pose), label=0)
    out = pipeline(sample)
    assert tuple(out['inputs'].shape) == (2, 17, 3, 32, 32)
