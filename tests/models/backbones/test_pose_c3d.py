# Copyright (c) mmaction-pose. All rights reserved.
"""PoseC3D: layout options, validation, init (Table 2 numbers are in
test_posec3d_table2.py)."""
from __future__ import annotations

import pytest
import torch
import torch.nn as nn

from mmaction_pose.registry import MODELS


def _build(**kwargs) -> nn.Module:
    return MODELS.build(dict(type='PoseC3D', **kwargs))


@pytest.mark.parametrize('num_stages,convs', [(3, 6), (4, 8)])
def test_pose_c3d_has_the_papers_conv_count(num_stages, convs):
    model = _build(base_channels=8, num_stages=num_stages)
    n = sum(isinstance(m, nn.Conv3d) for m in model.modules())
    assert n == convs  # "eight 3D convolution layers"; -s drops the last two


def test_pose_c3d_pyskl_layout_pools_before_stage4():
    x = torch.rand(1, 17, 4, 32, 32)
    paper = _build(base_channels=8).eval()
    pyskl = _build(base_channels=8, pool_before_stage4=True).eval()
    with torch.no_grad():
        assert paper(x).shape == (1, 64, 4, 4, 4)
        assert pyskl(x).shape == (1, 64, 4, 2, 2)


def test_pose_c3d_temporal_downsample_halves_time_in_stages_2_to_4():
    model = _build(base_channels=8, temporal_downsample=True,
                   pool_before_stage4=True).eval()
    with torch.no_grad():
        assert model(torch.rand(1, 17, 16, 32, 32)).shape[2] == 2


@pytest.mark.parametrize('pool_type,cls', [('avg', nn.AvgPool3d),
                                           ('max', nn.MaxPool3d)])
def test_pose_c3d_pool_type(pool_type, cls):
    model = _build(base_channels=8, pool_type=pool_type)
    assert isinstance(model.pool1, cls)


@pytest.mark.parametrize('kwargs', [dict(num_stages=2),
                                    dict(pool_type='lp')])
def test_pose_c3d_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        _build(**kwargs)


def test_pose_c3d_default_init_is_deterministic_given_the_seed():
    torch.manual_seed(1)
    a = _build(base_channels=8)
    a.init_weights()
    torch.manual_seed(1)
    b = _build(base_channels=8)
    b.init_weights()
    for (_, pa), (_, pb) in zip(a.state_dict().items(),
                                b.state_dict().items()):
        assert torch.equal(pa, pb)
    assert torch.all(a.conv1a.bn.weight == 1)
