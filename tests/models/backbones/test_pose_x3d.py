# Copyright (c) mmaction-pose. All rights reserved.
"""PoseX3D: depth multiplier, SE/swish options, init, validation (Table 2
numbers are in test_posec3d_table2.py)."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn

from mmaction.models.backbones.x3d import SEModule
from mmaction_pose.registry import MODELS


def _build(**kwargs) -> nn.Module:
    return MODELS.build(dict(type='PoseX3D', **kwargs))


@pytest.mark.parametrize('gamma_d,blocks', [(1, (2, 5, 3)),
                                            (2.2, (5, 11, 7))])
def test_pose_x3d_depth_multiplier(gamma_d, blocks):
    model = _build(gamma_d=gamma_d)
    assert model.stage_blocks == blocks
    assert tuple(len(getattr(model, n)) for n in model.res_layers) == blocks


def test_pose_x3d_has_no_se_and_no_swish_by_default():
    model = _build(gamma_d=1)
    assert not any(isinstance(m, SEModule) for m in model.modules())
    assert all(isinstance(b.swish, nn.Identity) for b in model.layer1)


def test_pose_x3d_se_half_and_swish_options():
    model = _build(gamma_d=1, se_ratio=1 / 16, use_swish=True)
    with_se = [hasattr(b, 'se_module') for b in model.layer2]
    assert with_se == [True, False, True, False, True]
    assert not isinstance(model.layer1[0].swish, nn.Identity)


def test_pose_x3d_zero_init_residual():
    model = _build(gamma_d=1)
    model.init_weights()
    assert all(torch.all(b.conv3.bn.weight == 0) for b in model.layer3)
    assert torch.all(model.conv5.bn.weight == 1)
    x = torch.rand(1, 17, 4, 32, 32)
    model.eval()
    with torch.no_grad():
        assert torch.isfinite(model(x)).all()


def test_pose_x3d_stem_temporal_kernel_is_5():
    model = _build(gamma_d=1)
    assert model.conv1_t.conv.kernel_size == (5, 1, 1)
    assert model.conv1_t.conv.groups == model.base_channels


def test_pose_x3d_rejects_mismatched_strides():
    with pytest.raises(ValueError):
        _build(stage_blocks=(2, 5, 3), spatial_strides=(2, 2))
