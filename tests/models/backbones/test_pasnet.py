# Copyright (c) mmaction-pose. All rights reserved.
"""PAS-Net (Eq. 1) and its Fusing Network (Eq. 3-11): shapes at narrow
widths, fusion 'A' = plain ECO-Lite, every fusion style of Table II against
its formula computed by hand, the channel mean-pool, per-frame fusion in
frame order, the per-stream input normalisation, the K check and end-to-end
gradients into the pose stream."""
from __future__ import annotations

import math
import warnings

import pytest
import torch

from mmaction_pose.models.backbones.pasnet import PASNet, caffe_normalise
from mmaction_pose.models.layers.pose_appearance_fusion import (
    CONV_MODES, FUSION_MODES, PoseAppearanceFusion, channel_pool)
from mmaction_pose.registry import MODELS

APPEARANCE = dict(type='BNInception', width_mult=0.25)  # x_A: 24 channels
POSE = dict(type='OpenPoseVGG19', width_mult=0.25, num_stages=2)  # 32
ST = dict(type='ECO3DResNet18', width_mult=0.25)  # 32, 64, 128


def _pasnet(pose=POSE, **kwargs) -> PASNet:
    cfg = dict(type='PASNet', appearance=APPEARANCE, pose=pose, st=ST)
    return MODELS.build(dict(cfg, **kwargs))


def _randomise_bn(model: torch.nn.Module) -> torch.nn.Module:
    """Non-trivial BN statistics and affines (fresh ones are identities)."""
    g = torch.Generator().manual_seed(3)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                c = m.num_features
                m.weight.copy_(torch.rand(c, generator=g) + .5)
                m.bias.copy_(torch.randn(c, generator=g) * .1)
                m.running_mean.copy_(torch.randn(c, generator=g) * .1)
                m.running_var.copy_(torch.rand(c, generator=g) + .5)
    return model


def _clips(b=2, k=4, size=64) -> torch.Tensor:
    return torch.rand(b, 3, k, size, size) * 255


def _maps(n=2, a=96, c=128, hw=4, seed=0) -> tuple[torch.Tensor, dict]:
    g = torch.Generator().manual_seed(seed)
    x_a = torch.randn(n, a, hw, hw, generator=g)
    pose = dict(implicit=torch.randn(n, c, hw, hw, generator=g),
                paf=torch.randn(n, c, hw, hw, generator=g),
                explicit=torch.rand(n, 1, hw, hw, generator=g))
    return x_a, pose


def _pool_by_hand(x: torch.Tensor, out: int) -> torch.Tensor:
    """Channel ``i`` = mean of ``floor(i C / out) .. ceil((i+1) C / out)``."""
    c = x.shape[1]
    return torch.stack([
        x[:, math.floor(i * c / out):math.ceil((i + 1) * c / out)].mean(1)
        for i in range(out)
    ], 1)


# ---- channel pool -----------------------------------------------------------


def test_channel_pool_windows_and_constants():
    x = torch.arange(128.).view(1, 128, 1, 1).expand(2, 128, 3, 5)
    y = channel_pool(x, 96)
    assert y.shape == (2, 96, 3, 5)
    torch.testing.assert_close(y, _pool_by_hand(x, 96))
    # 128 -> 96: every window holds 2 channels, (0,1), (1,2), (2,3), (4,5)..
    assert y[0, :6, 0, 0].tolist() == [.5, 1.5, 2.5, 4.5, 5.5, 6.5]
    assert torch.equal(channel_pool(torch.full((1, 128, 2, 2), 3.), 96),
                       torch.full((1, 96, 2, 2), 3.))
    z = torch.randn(1, 96, 2, 2)
    assert channel_pool(z, 96) is z


# ---- fusion styles ----------------------------------------------------------


@pytest.mark.parametrize('mode', FUSION_MODES)
def test_every_fusion_mode_outputs_out_channels(mode):
    fusion = PoseAppearanceFusion(mode)
    x_a, pose = _maps()
    assert fusion(x_a, pose).shape == (2, 96, 4, 4)


@pytest.mark.parametrize('mode,c_in', [('conv(A,E*A)', 192),
                                       ('conv(A,I)', 224),
                                       ('conv(A,I,F)', 352),
                                       ('A+conv1x1', 96)])
def test_conv_modes_have_the_paper_in_channels(mode, c_in):
    conv = PoseAppearanceFusion(mode).conv[0]
    assert (conv.in_channels, conv.out_channels) == (c_in, 96)
    assert conv.kernel_size == (1, 1) and conv.bias is not None


def test_sum_and_product_modes_follow_their_equations():
    x_a, pose = _maps()
    pool_i, pool_f = (_pool_by_hand(pose[k], 96) for k in ('implicit', 'paf'))
    x_e = pose['explicit']

    def fused(mode, p=pose, **kw):
        return PoseAppearanceFusion(mode, **kw)(x_a, p)

    close = torch.testing.assert_close
    close(fused('A+pool(I)+pool(F)'), x_a + .5 * pool_i + 1. * pool_f)
    close(fused('A+pool(I)+pool(F)', lambdas=(0, 0, 2., 3.)),
          x_a + 2. * pool_i + 3. * pool_f)
    close(fused('A+pool(I)'), x_a + 1.5 * pool_i)
    close(fused('A+E*A'), x_a + 1.5 * x_e * x_a)
    close(fused('E*A'), x_e * x_a)
    close(fused('I'), pool_i)
    assert torch.equal(fused('A'), x_a)
    ones = dict(pose, explicit=torch.ones_like(x_e))
    assert torch.equal(fused('E*A', ones), fused('A'))
    close(fused('A+E*A', ones), 2.5 * x_a)


@pytest.mark.parametrize('mode', CONV_MODES)
def test_conv_modes_concatenate_in_order(mode):
    fusion = PoseAppearanceFusion(mode)
    x_a, pose = _maps()
    parts = dict(A=x_a, EA=pose['explicit'] * x_a, I=pose['implicit'],
                 F=pose['paf'])
    names = mode[5:-1].replace('E*A', 'EA').split(',') if mode.startswith(
        'conv') else ['A']
    conv = fusion.conv[0]
    expected = torch.nn.functional.conv2d(
        torch.cat([parts[n] for n in names], 1), conv.weight, conv.bias)
    torch.testing.assert_close(fusion(x_a, pose), expected)
    ident = PoseAppearanceFusion(mode, conv_init='identity')
    torch.testing.assert_close(ident(x_a, pose), x_a)


def test_fusion_errors_and_resolution_fallback():
    x_a, pose = _maps()
    with pytest.raises(ValueError, match='pose=None'):
        PoseAppearanceFusion('A+pool(I)')(x_a, None)
    with pytest.raises(ValueError, match="'paf'"):
        PoseAppearanceFusion('conv(A,I,F)')(x_a, dict(implicit=x_a))
    with pytest.raises(ValueError, match='fusion mode must be'):
        PoseAppearanceFusion('A*I')
    with pytest.raises(ValueError, match='must equal out_channels'):
        PoseAppearanceFusion('A+pool(I)', out_channels=64)
    assert torch.equal(PoseAppearanceFusion('A')(x_a, None), x_a)
    assert PoseAppearanceFusion('A+conv1x1')(x_a, None).shape == x_a.shape
    fusion = PoseAppearanceFusion('A+pool(I)+pool(F)')
    big = {k: v.repeat_interleave(2, -1).repeat_interleave(2, -2)
           for k, v in pose.items()}
    with pytest.warns(UserWarning, match='resized to the appearance grid'):
        out = fusion(x_a, big)
    torch.testing.assert_close(out, fusion(x_a, pose))
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        fusion(x_a, big)  # warned once only


# ---- PASNet -----------------------------------------------------------------


def test_pasnet_narrow_shapes_and_k_check():
    model = _pasnet().eval()
    assert (model.fusion.mode, model.fusion.in_channels) == (
        'A+pool(I)+pool(F)', dict(A=24, I=32, F=32))
    with torch.no_grad():
        assert model(_clips()).shape == (2, 128, 1, 2, 2)
        assert model(_clips(1, 4, 96)).shape == (1, 128, 1, 3, 3)
    with pytest.raises(ValueError, match='divisible by 4'):
        model(_clips(1, 6))


def test_fusion_a_reproduces_plain_eco_exactly():
    eco = _randomise_bn(_pasnet(pose=None)).eval()  # stage 1
    assert eco.pose is None and eco.fusion.mode == 'A'
    pas = _pasnet(fusion=dict(type='PoseAppearanceFusion', mode='A')).eval()
    missing, unexpected = pas.load_state_dict(eco.state_dict(), strict=False)
    assert not unexpected and all(k.startswith('pose.') for k in missing)
    x = _clips()
    with torch.no_grad():
        out = eco(x)
        assert torch.equal(pas(x), out)
        # Plain ECO-Lite by hand: per-frame 2D net, stack, 3D net.
        frames = x.transpose(1, 2).reshape(8, 3, 64, 64)
        x_a = eco.appearance(caffe_normalise(frames, (104., 117., 128.),
                                             (1., 1., 1.), 'rgb'))
        stacked = x_a.reshape(2, 4, 24, 8, 8).transpose(1, 2)
        torch.testing.assert_close(out, eco.st(stacked))


def test_fused_maps_are_stacked_in_frame_order():
    model = _randomise_bn(_pasnet()).eval()
    seen = {}
    model.st.register_forward_pre_hook(
        lambda m, args: seen.__setitem__('st_in', args[0]))
    x = _clips()
    with torch.no_grad():
        model(x)
        frame = x[1, :, 2:3].transpose(0, 1)  # clip 1, frame 2
        x_a = model.appearance(caffe_normalise(
            frame, model.appearance_mean, model.appearance_std, 'rgb'))
        expected = model.fusion(x_a, model.pose(frame))[0]
    assert seen['st_in'].shape == (2, 24, 4, 8, 8)
    # (Batch-size dependent conv kernels: float noise on 0-255 inputs.)
    torch.testing.assert_close(seen['st_in'][1, :, 2], expected, rtol=1e-3,
                               atol=1e-3)
    assert not torch.allclose(seen['st_in'][1, :, 1], expected, atol=1e-2)


def test_each_stream_normalises_its_own_input():
    model = _pasnet().eval()
    seen = {}
    for name in ('appearance', 'pose'):
        getattr(model, name).register_forward_pre_hook(
            lambda m, args, n=name: seen.__setitem__(n, args[0]))
    x = _clips(1, 4, 32)
    with torch.no_grad():
        model(x)
    frames = x.transpose(1, 2).reshape(4, 3, 32, 32)
    bgr_mean = torch.tensor([104., 117., 128.]).view(1, 3, 1, 1)
    torch.testing.assert_close(seen['appearance'], frames.flip(1) - bgr_mean)
    assert torch.equal(seen['pose'], frames)  # OpenPoseVGG19 normalises
    assert model.pose.input_order == 'rgb'


def test_gradient_reaches_the_pose_stream():
    model = _pasnet(fusion=dict(type='PoseAppearanceFusion',
                                mode='A+pool(I)+pool(F)')).train()
    model(_clips(2, 4, 32)).mean().backward()
    pose = model.pose
    for p in (pose.model0.conv1_1.weight, pose.model1_2.conv5_5_CPM_L2.bias,
              pose.model2_2.Mconv6_stage2_L2.weight,
              pose.model2_1.Mconv6_stage2_L1.weight):
        assert p.grad is not None and p.grad.abs().sum() > 0
    e_model = _pasnet(fusion=dict(type='PoseAppearanceFusion', mode='E*A'))
    e_model(_clips(2, 4, 32)).mean().backward()
    assert e_model.pose.model2_2.Mconv7_stage2_L2.weight.grad.abs().sum() > 0
    # ECO's frozen 2D BN (partial BN) stays in eval mode while training.
    assert not model.appearance.conv1_7x7_s2.bn.training
    assert model.st.res3a_bn.training


def test_pasnet_configuration_errors():
    with pytest.raises(ValueError, match='needs a pose stream'):
        _pasnet(pose=None, fusion=dict(type='PoseAppearanceFusion',
                                       mode='conv(A,I)'))
    with pytest.raises(ValueError, match='st in_channels'):
        _pasnet(st=dict(ST, in_channels=96))
    with pytest.raises(ValueError, match='fusion in_channels'):
        _pasnet(fusion=dict(type='PoseAppearanceFusion', mode='conv(A,I)',
                            in_channels=dict(A=24, I=128, F=128)))


def test_recognizer3d_with_i3d_head_runs_pasnet():
    model = MODELS.build(dict(
        type='Recognizer3D',
        backbone=dict(type='PASNet', appearance=APPEARANCE, pose=POSE,
                      st=ST),
        cls_head=dict(type='I3DHead', num_classes=5, in_channels=128,
                      spatial_type='avg', dropout_ratio=0.3,
                      average_clips='prob'),
        data_preprocessor=dict(type='ActionDataPreprocessor', mean=None,
                               std=None, format_shape='NCTHW')))
    model.init_weights()
    with torch.no_grad():
        scores, _ = model.eval().extract_feat(_clips(2, 4, 64).unsqueeze(1),
                                              stage='head')
    assert scores.shape == (2, 5)
