# Copyright (c) mmaction-pose. All rights reserved.
"""SkeletonRecognizer: model loading, joint conversion, default model."""
from __future__ import annotations

import numpy as np
import pytest

from conftest import ROOT
from mmaction_pose.apis import inference
from mmaction_pose.apis.inference import (SkeletonRecognizer,
                                          find_default_model, model_layout,
                                          resolve_model_args)


@pytest.fixture(scope='module')
def recognizer(skeleton_model):
    config, ckpt = skeleton_model
    return SkeletonRecognizer(config, ckpt, num_clips=1, double=False)


def test_predict_gives_class_probabilities(recognizer, rng):
    kp = rng.uniform(20, 100, (2, 30, 17, 2)).astype(np.float32)
    scores = recognizer.predict(kp, np.ones((2, 30, 17), np.float32),
                                (120, 160))
    assert scores.shape == (8, )
    assert scores.sum() == pytest.approx(1, abs=1e-4)
    top = recognizer.topk(scores, 3)
    assert len(top) == 3 and top[0][1] >= top[1][1] >= top[2][1]


def test_predict_without_people_is_none(recognizer):
    assert recognizer.predict(np.zeros((0, 10, 17, 2)), np.zeros(
        (0, 10, 17)), (64, 64)) is None
    assert recognizer.topk(None) == []


def test_label_map_must_match_classes(skeleton_model, tmp_path):
    labels = tmp_path / 'labels.txt'
    labels.write_text('a\nb\n')
    with pytest.raises(ValueError, match='2 classes'):
        SkeletonRecognizer(*skeleton_model, label_map=str(labels))


def test_missing_checkpoint_is_clear(skeleton_model, tmp_path):
    with pytest.raises(FileNotFoundError, match='checkpoint not found'):
        SkeletonRecognizer(skeleton_model[0], str(tmp_path / 'x.pth'))


def test_penn_model_gets_penn13_joints(rng):
    cfg = ROOT / 'configs' / 'posec3d' / 'penn_action_keypoint.py'
    if not cfg.exists():
        pytest.skip('Penn Action config not in this checkout')
    rec = SkeletonRecognizer(str(cfg), None, num_clips=1, double=False)
    assert rec.layout.name == 'penn13'
    kp, sc = rec.convert(rng.uniform(0, 50, (1, 4, 17, 2)),
                         np.ones((1, 4, 17)))
    assert kp.shape == (1, 4, 13, 2) and sc.shape == (1, 4, 13)


def test_model_layout_from_num_joints():
    from mmengine.config import Config
    cfg = Config(dict(num_joints=13, model=dict()))
    assert model_layout(cfg).name == 'penn13'
    cfg = Config(dict(model=dict(backbone=dict(in_channels=17))))
    assert model_layout(cfg).name == 'coco17'


def test_default_model_missing_fails_clearly(tmp_path, monkeypatch):
    monkeypatch.setattr(inference, 'DEFAULT_CHECKPOINT_DIR', tmp_path)
    with pytest.raises(FileNotFoundError, match='--config CONFIG '
                       '--checkpoint CHECKPOINT'):
        find_default_model()


def test_default_model_found(tmp_path, monkeypatch):
    cfg = tmp_path / 'cfg.py'
    cfg.write_text('')
    (tmp_path / 'ckpt').mkdir()
    (tmp_path / 'ckpt' / 'cfg_1234abcd.pth').write_bytes(b'')
    # another model's checkpoint in the same folder is not the default
    (tmp_path / 'ckpt' / 'other_5678abcd.pth').write_bytes(b'')
    monkeypatch.setattr(inference, 'DEFAULT_CONFIG', cfg)
    monkeypatch.setattr(inference, 'DEFAULT_CHECKPOINT_DIR',
                        tmp_path / 'ckpt')
    assert find_default_model() == (
        str(cfg), str(tmp_path / 'ckpt' / 'cfg_1234abcd.pth'))


def test_resolve_model_args_needs_both():
    with pytest.raises(ValueError, match='both'):
        resolve_model_args('a.py', None)
    assert resolve_model_args('a.py', 'b.pth') == ('a.py', 'b.pth')
