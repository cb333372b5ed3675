# Copyright (c) mmaction-pose. All rights reserved.
"""tools/data/pa3d/extract_pose_features.py with a tiny random mmpose model
(no checkpoint download), and the stored maps read by LoadPoseFeatureMaps."""
from __future__ import annotations

import importlib.util
import os.path as osp
from pathlib import Path

import numpy as np
import pytest
from mmengine.config import Config

from mmaction_pose.registry import TRANSFORMS

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / 'tools' / 'data' / 'pa3d' / 'extract_pose_features.py'
CLIP = (ROOT.parent / 'shared' / 'data' / 'jhmdb_catch' /
        'Goal_Keeping_Tips_catch_f_cm_np1_fr_med_2.avi')


def _load_tool():
    spec = importlib.util.spec_from_file_location('pa3d_extract', TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _tiny_model(tool):
    cfg = Config(dict(
        default_scope='mmpose',
        model=dict(
            type='TopdownPoseEstimator',
            data_preprocessor=dict(
                type='PoseDataPreprocessor', mean=[123.675, 116.28, 103.53],
                std=[58.395, 57.12, 57.375], bgr_to_rgb=True),
            backbone=dict(type='ResNet', depth=18, out_indices=(1, )),
            head=dict(type='HeatmapHead', in_channels=128, out_channels=17,
                      deconv_out_channels=None,
                      loss=dict(type='KeypointMSELoss')),
            test_cfg=dict(flip_test=False))))
    return tool.build_feature_model(cfg, None)


@pytest.fixture(scope='module')
def tool_and_model():
    from mmengine.registry import DefaultScope
    tool = _load_tool()
    # init_model switches the default scope to mmpose; keep ours afterwards
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        with pytest.warns(UserWarning, match='random weights'):
            model = _tiny_model(tool)
    return tool, model


def test_frame_features_shape(tool_and_model, rng):
    tool, model = tool_and_model
    frame = rng.integers(0, 255, (48, 64, 3), dtype=np.uint8)
    feat = tool.frame_features(model, frame, scales=(0.5, 1.0), boxsize=64,
                               out_size=(6, 8))
    assert feat.shape == (128, 6, 8)  # ResNet-18 stage 2: 128 channels
    assert np.isfinite(feat).all()


def test_single_scale_equals_mean_of_one(tool_and_model, rng):
    tool, model = tool_and_model
    frame = rng.integers(0, 255, (40, 40, 3), dtype=np.uint8)
    a = tool.frame_features(model, frame, scales=(1.0, ), boxsize=32,
                            out_size=(4, 4))
    b = tool.frame_features(model, frame, scales=(1.0, 1.0), boxsize=32,
                            out_size=(4, 4))
    np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.skipif(not CLIP.exists(), reason='../shared/data not available')
def test_extract_video_then_load(tool_and_model, tmp_path):
    tool, model = tool_and_model
    maps = tool.extract_video(model, tool.read_frames(str(CLIP), limit=3),
                              scales=(1.0, ), boxsize=64, out_size=(6, 8))
    assert maps.shape == (3, 128, 6, 8) and maps.dtype == np.float16
    np.save(tmp_path / 'clip.npy', maps)
    out = TRANSFORMS.build(dict(
        type='LoadPoseFeatureMaps', data_prefix=str(tmp_path)))(
            dict(frame_dir='clip', frame_inds=np.array([2, 0]),
                 start_index=0))
    np.testing.assert_array_equal(out['imgs'],
                                  maps[[2, 0]].astype(np.float32))


def test_default_config_is_installed(tool_and_model):
    tool, _ = tool_and_model
    assert osp.isfile(tool.default_pose_config())
