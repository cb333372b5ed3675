# Copyright (c) mmaction-pose. All rights reserved.
"""``TemporalCNN1D``: the 1D temporal CNN baseline backbone."""
from __future__ import annotations

import pytest
import torch

from mmaction_pose.models.backbones import TemporalCNN1D
from mmaction_pose.registry import MODELS


def test_forward_backward_shapes():
    net = MODELS.build(dict(type='TemporalCNN1D', num_joints=13,
                            channels=(8, 16), strides=(1, 2)))
    x = torch.randn(2, 1, 16, 13, 4, requires_grad=True)
    out = net(x)
    assert out.shape == (2, 1, 16, 8, 1)
    out.sum().backward()
    assert torch.isfinite(x.grad).all()
    assert all(p.grad is not None for p in net.parameters())


def test_default_strides_divide_time_by_four():
    net = TemporalCNN1D(num_joints=20)
    out = net(torch.randn(3, 2, 32, 20, 4))
    assert out.shape == (3, 2, 256, 8, 1) and net.out_channels == 256


def test_eval_is_deterministic_and_persons_are_independent():
    net = TemporalCNN1D(num_joints=5, channels=(8, ), strides=(1, )).eval()
    x = torch.randn(1, 2, 8, 5, 4)
    with torch.no_grad():
        both, again = net(x), net(x)
        first = net(x[:, :1])
    torch.testing.assert_close(both, again)
    torch.testing.assert_close(both[:, :1], first)


def test_channels_are_joint_major():
    """Channel ``v * C + c`` of the first conv sees joint v, feature c
    (fresh BNs in eval mode are identities up to their eps)."""
    net = TemporalCNN1D(num_joints=3, in_channels=2, channels=(1, ),
                        strides=(1, ), kernel_size=1).eval()
    with torch.no_grad():
        net.stages[0][0].weight.zero_()
        net.stages[0][0].weight[0, 1 * 2 + 1, 0] = 1.  # joint 1, feature 1
        x = torch.zeros(1, 1, 4, 3, 2)
        x[..., 1, 1] = 5.
        hit = net(x)
        x[..., 1, 1], x[..., 1, 0] = 0., 5.
        miss = net(x)
    torch.testing.assert_close(hit, torch.full_like(hit, 5.), atol=1e-3,
                               rtol=0)
    assert (miss == 0).all()


def test_bad_input_and_arguments_are_reported():
    net = TemporalCNN1D(num_joints=13)
    with pytest.raises(ValueError, match=r'\(N, M, T, 13, 4\)'):
        net(torch.randn(1, 1, 8, 17, 4))
    with pytest.raises(ValueError, match='equally long'):
        TemporalCNN1D(num_joints=13, channels=(8, 16), strides=(1, ))
    with pytest.raises(ValueError, match='odd'):
        TemporalCNN1D(num_joints=13, kernel_size=4)
