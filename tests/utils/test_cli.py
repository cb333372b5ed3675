# Copyright (c) mmaction-pose. All rights reserved.
"""tools/train.py and tools/test.py give every PoseDataset the model head's
num_classes, so that out-of-range labels fail when the dataset is built."""
from __future__ import annotations

import pytest
from mmengine.config import Config

from conftest import ROOT
from mmaction_pose.utils import cli

CONFIGS = ROOT / 'configs'


def _datasets(cfg: Config) -> list:
    return [
        leaf for split in ('train', 'val', 'test') for leaf in
        cli.leaf_dataset_cfgs(cfg[f'{split}_dataloader']['dataset'])
    ]


@pytest.mark.parametrize(
    'config, num_classes',
    [
        ('posec3d/synthetic_keypoint.py', 8),
        ('posec3d/penn_action_keypoint.py', 15),  # RepeatDataset inside
        ('pa3d/pa3d_tpc-gd_1xb16-8x4x1-12e_penn-action-joint-paf-jdiff.py',
         15),
        ('rgbpose_conv3d/ntu60.py', 60),
    ])
def test_head_num_classes_reaches_every_dataset(config, num_classes):
    cfg = Config.fromfile(str(CONFIGS / config))
    assert cli.model_num_classes(cfg.model) == num_classes
    cli.set_dataset_num_classes(cfg)
    assert [d.num_classes for d in _datasets(cfg)] == [num_classes] * 3


def test_a_dataset_disagreeing_with_the_head_is_an_error(capsys):
    cfg = Config.fromfile(str(CONFIGS / 'posec3d' / 'synthetic_keypoint.py'))
    cfg.val_dataloader.dataset.num_classes = 9
    with pytest.raises(SystemExit):
        cli.set_dataset_num_classes(cfg)
    assert 'num_classes=9 but the model head has num_classes=8' in \
        capsys.readouterr().err


def test_other_dataset_types_are_left_alone():
    cfg = Config.fromfile(str(CONFIGS / 'posec3d' / 'synthetic_keypoint.py'))
    cfg.train_dataloader.dataset.type = 'mmaction.PoseDataset'
    cli.set_dataset_num_classes(cfg)
    assert 'num_classes' not in cfg.train_dataloader.dataset
    assert cfg.val_dataloader.dataset.num_classes == 8
