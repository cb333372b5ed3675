# Copyright (c) mmaction-pose. All rights reserved.
"""TemporalPoseConv (PA3D §3.2): shapes, weight sharing, no joint mixing."""
from __future__ import annotations

import pytest
import torch

from mmaction_pose.models.layers import TemporalPoseConv
from mmaction_pose.registry import MODELS


def _weights(module: torch.nn.Module) -> int:
    return sum(p.numel() for n, p in module.named_parameters()
               if n.endswith('weight'))


@pytest.mark.parametrize('num_joints', [1, 13, 19])
def test_tpc_global_param_count_is_n_times_t(num_joints):
    tpc = TemporalPoseConv(num_frames=8, global_out=6, dilations=(),
                           bias=False)
    assert _weights(tpc) == 6 * 8  # Θ ∈ R^{N×T×1×1}, any number of joints
    assert tpc.out_channels(num_joints) == 6 * num_joints


@pytest.mark.parametrize('t,n,d,m', [(8, 6, 2, 3), (4, 8, 2, 4),
                                     (12, 6, 3, 2)])
def test_tpc_multiscale_param_count(t, n, d, m):
    tpc = TemporalPoseConv(num_frames=t, global_out=n, dilations=(d, ),
                           dilated_out=m, bias=False)
    assert _weights(tpc) == n * t + m * (t // d)  # Θ + Φ ∈ R^{M×(T/d)×1×1}
    biased = TemporalPoseConv(num_frames=t, global_out=n, dilations=(d, ),
                              dilated_out=m)
    assert sum(p.numel() for p in biased.parameters()) == \
        n * t + m * (t // d) + n + m


def test_tpc_param_count_independent_of_joints():
    tpc = TemporalPoseConv(num_frames=8)
    before = sum(p.numel() for p in tpc.parameters())
    for v in (1, 5, 38):
        tpc(torch.rand(1, v, 8, 4, 4))
    assert sum(p.numel() for p in tpc.parameters()) == before


@pytest.mark.parametrize(
    'kwargs,per_joint',
    [
        (dict(global_out=6, dilations=()), 6),  # Global
        (dict(global_out=0, dilations=(2, ), dilated_out=3), 6),  # Dilated
        (dict(global_out=0, dilations=(), local_kernel=3), 6),  # Local
        (dict(global_out=6, dilations=(2, ), dilated_out=3), 12),  # G+D
        (dict(global_out=6, dilations=(2, ), dilated_out=3,
              local_kernel=3), 18),  # Global+Dilated+Local
        (dict(global_out=0, dilations=(2, ), dilated_out=6,
              dilated_positions='first'), 6),
    ])
def test_tpc_output_shape_t8(kwargs, per_joint):
    tpc = TemporalPoseConv(num_frames=8, **kwargs)
    y = tpc(torch.rand(2, 5, 8, 6, 7))
    assert tpc.out_channels_per_joint == per_joint
    assert y.shape == (2, 5 * per_joint, 6, 7)


def test_tpc_odd_t_for_difference_modality():
    tpc = TemporalPoseConv(num_frames=7, global_out=6, dilations=(2, ),
                           dilated_out=3)
    # kernel 7//2 = 3 with dilation 2 spans 5 frames -> 3 positions
    assert tpc.out_channels_per_joint == 6 + 3 * 3
    assert tpc(torch.rand(1, 2, 7, 3, 3)).shape == (1, 2 * 15, 3, 3)


def test_tpc_joints_never_mix():
    tpc = TemporalPoseConv(num_frames=8, local_kernel=3).eval()
    x = torch.rand(2, 4, 8, 5, 5)
    y = tpc(x)
    x2 = x.clone()
    x2[:, 2] += torch.rand_like(x2[:, 2])  # perturb joint 2 only
    y2 = tpc(x2)
    r = tpc.out_channels_per_joint
    changed = (y2 - y).abs().flatten(2).amax(-1) > 0  # (N, V*R_c)
    assert changed[:, 2 * r:3 * r].all()
    changed[:, 2 * r:3 * r] = False
    assert not changed.any()


def test_tpc_weights_shared_between_joints():
    tpc = TemporalPoseConv(num_frames=8).eval()
    x = torch.rand(1, 1, 8, 3, 3)
    y = tpc(torch.cat([x, x * 2 - 1, x], dim=1))
    r = tpc.out_channels_per_joint
    torch.testing.assert_close(y[:, :r], y[:, 2 * r:])


def test_tpc_global_is_a_1x1_conv_over_time():
    tpc = TemporalPoseConv(num_frames=4, global_out=3, dilations=())
    x = torch.rand(2, 5, 4, 3, 3)
    conv = tpc.branches[0]
    w = conv.weight.reshape(3, 4)  # Θ ∈ R^{N×T}
    ref = torch.einsum('nt,bvthw->bvnhw', w, x) + conv.bias[:, None, None]
    torch.testing.assert_close(tpc(x), ref.reshape(2, 15, 3, 3))


def test_tpc_dilated_positions_pick_every_dth_frame():
    tpc = TemporalPoseConv(num_frames=4, global_out=0, dilations=(2, ),
                           dilated_out=1, bias=False)
    with torch.no_grad():
        tpc.branches[0].weight.copy_(torch.tensor([1., 10.]).view(1, 1, 2,
                                                                  1, 1))
    x = torch.arange(1., 5.).view(1, 1, 4, 1, 1)  # frames t1..t4 = 1..4
    y = tpc(x).flatten()
    # position 0: {t1, t3} -> 1 + 30; position 1: {t2, t4} -> 2 + 40
    assert y.tolist() == [31., 42.]


def test_tpc_post_norm_and_registry():
    tpc = MODELS.build(dict(type='TemporalPoseConv', num_frames=4,
                            post_norm=True))
    y = tpc(torch.rand(2, 3, 4, 4, 4))
    assert (y >= 0).all()


@pytest.mark.parametrize('kwargs', [
    dict(global_out=0, dilations=()),
    dict(dilations=(9, )),
    dict(local_kernel=9),
    dict(dilated_positions='middle'),
])
def test_tpc_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        TemporalPoseConv(num_frames=8, **kwargs)


def test_tpc_rejects_wrong_t():
    with pytest.raises(ValueError, match='T=8'):
        TemporalPoseConv(num_frames=8)(torch.rand(1, 2, 4, 3, 3))
