# Copyright (c) mmaction-pose. All rights reserved.
"""BNInception: shapes of the public model, its parameter count, the public
checkpoint converter (against a functional reference written from
bn_inception.yaml), cross-modality init, freezing, and the CLI."""
from __future__ import annotations

import subprocess
import sys

import pytest
import torch
import torch.nn.functional as F
from bn_inception_convs import CONVS
from conftest import ROOT, load_script

from mmaction_pose.models.backbones.bn_inception import BNInception
from mmaction_pose.models.checkpoint_converters import (
    CONVERTERS, convert_bninception_state_dict, map_bninception_state_dict)
from mmaction_pose.registry import MODELS

# Pool of each block (yaml): avg 3x3/1 pad 1 ('ave'), max 3x3/1 pad 1 (5b),
# or a pass-through max 3x3/2 without pad (the reduction blocks 3c, 4e).
POOLS = dict(inception_3a='avg', inception_3b='avg', inception_3c='reduce',
             inception_4a='avg', inception_4b='avg', inception_4c='avg',
             inception_4d='avg', inception_4e='reduce', inception_5a='avg',
             inception_5b='max')
# Cadene's pretrainedmodels `bninception` (and pytorchcv's): 11,295,240
# parameters with the 1024 -> 1000 classifier `last_linear`.
PUBLIC_TOTAL_WITH_FC = 11_295_240


def _build(**kwargs) -> BNInception:
    return MODELS.build(dict(type='BNInception', **kwargs))


def _public_state_dict(prefix: str = 'module.base_model.') -> dict:
    """Random weights under the public names, in the old files' layout:
    ``(1, C)`` BN vectors, no ``num_batches_tracked``, a TSN classifier."""
    g = torch.Generator().manual_seed(0)
    sd = {}
    for name, c_in, c_out, k, _ in CONVS:
        std = (2.0 / (c_in * k * k))**0.5
        sd[f'{prefix}{name}.weight'] = torch.randn(
            c_out, c_in, k, k, generator=g) * std
        sd[f'{prefix}{name}.bias'] = torch.randn(c_out, generator=g) * .1
        bn = f'{prefix}{name}_bn.'
        sd[bn + 'weight'] = torch.rand(1, c_out, generator=g) + .5
        sd[bn + 'bias'] = torch.randn(1, c_out, generator=g) * .1
        sd[bn + 'running_mean'] = torch.randn(1, c_out, generator=g) * .1
        sd[bn + 'running_var'] = torch.rand(1, c_out, generator=g) + .5
    sd[prefix.replace('base_model.', '') + 'new_fc.weight'] = torch.zeros(
        101, 1024)
    sd[prefix.replace('base_model.', '') + 'new_fc.bias'] = torch.zeros(101)
    return sd


@pytest.fixture(scope='module')
def public_sd() -> dict:
    return _public_state_dict()


@pytest.fixture(scope='module')
def public_ckpt(public_sd, tmp_path_factory) -> str:
    """The public state dict saved as tsn-pytorch saves it."""
    path = tmp_path_factory.mktemp('bninception') / 'tsn_bninception.pth'
    torch.save(dict(epoch=80, arch='BNInception', state_dict=public_sd), path)
    return str(path)


def _reference(x: torch.Tensor, sd: dict, last: str) -> torch.Tensor:
    """The public model, functionally, from its public weights up to the
    block ``last`` (or the conv ``inception_3c_double_3x3_1``)."""
    p = {k.replace('module.base_model.', ''): v.reshape(v.shape[-1])
         if v.dim() == 2 else v
         for k, v in sd.items() if 'new_fc' not in k}
    stride = {n: s for n, *_, s in CONVS}

    def cbr(x, name):
        w = p[name + '.weight']
        y = F.conv2d(x, w, p[name + '.bias'], stride[name], w.shape[-1] // 2)
        bn = name + '_bn.'
        y = F.batch_norm(y, p[bn + 'running_mean'], p[bn + 'running_var'],
                         p[bn + 'weight'], p[bn + 'bias'], False, 0., 1e-5)
        return F.relu(y)

    x = F.max_pool2d(cbr(x, 'conv1_7x7_s2'), 3, 2, ceil_mode=True)
    x = cbr(cbr(x, 'conv2_3x3_reduce'), 'conv2_3x3')
    x = F.max_pool2d(x, 3, 2, ceil_mode=True)
    for block, pool in POOLS.items():
        b = block + '_'
        double = cbr(cbr(x, b + 'double_3x3_reduce'), b + 'double_3x3_1')
        if last == b + 'double_3x3_1':
            return double
        outs = [cbr(cbr(x, b + '3x3_reduce'), b + '3x3'),
                cbr(double, b + 'double_3x3_2')]
        if pool == 'reduce':
            outs.append(F.max_pool2d(x, 3, 2, ceil_mode=True))
        else:
            pooled = (F.avg_pool2d(x, 3, 1, 1) if pool == 'avg' else
                      F.max_pool2d(x, 3, 1, 1))
            outs = [cbr(x, b + '1x1')] + outs + [cbr(pooled, b + 'pool_proj')]
        x = torch.cat(outs, 1)
        if block == last:
            return x
    raise ValueError(last)


# ---- (a) shapes -------------------------------------------------------------


@pytest.fixture(scope='module')
def full_model() -> BNInception:
    return BNInception(out_layer='inception_5b').eval()


def _block_outputs(model: BNInception, x: torch.Tensor) -> dict:
    outs = {}
    hooks = [
        getattr(model, n).register_forward_hook(
            lambda m, i, o, n=n: outs.__setitem__(n, tuple(o.shape)))
        for n in ('inception_3c', 'inception_4e', 'inception_5a',
                  'inception_5b')
    ]
    with torch.no_grad():
        model(x)
    for h in hooks:
        h.remove()
    return outs


def test_bn_inception_public_shapes_at_224(full_model):
    assert _block_outputs(full_model, torch.rand(1, 3, 224, 224)) == {
        'inception_3c': (1, 576, 14, 14),
        'inception_4e': (1, 1056, 7, 7),
        'inception_5a': (1, 1024, 7, 7),
        'inception_5b': (1, 1024, 7, 7)
    }


def test_bn_inception_rpan_cube_at_240x320(full_model):
    # RPAN Sec. 3.1: 8 x 10 x 1024 from inception_5a for 240 x 320 frames.
    outs = _block_outputs(full_model, torch.rand(1, 3, 240, 320))
    assert outs['inception_5a'] == (1, 1024, 8, 10)
    assert outs['inception_4e'] == (1, 1056, 8, 10)


def test_bn_inception_default_stops_at_5a():
    model = _build(width_mult=0.25)
    assert model.layer_names[-1] == 'inception_5a'
    assert not hasattr(model, 'inception_5b')
    with torch.no_grad():
        out = model.eval()(torch.rand(2, 3, 64, 64))
    assert out.shape == (2, model.out_channels, 2, 2) == (2, 256, 2, 2)


def test_bn_inception_out_stride_16_doubles_the_grid():
    model = _build(out_stride=16).eval()
    with torch.no_grad():
        assert model(torch.rand(1, 3, 224, 224)).shape == (1, 1024, 14, 14)
        # H / 16 exactly; at stride 32 the 15 rows became ceil(15 / 2) = 8.
        assert model(torch.rand(1, 3, 240, 320)).shape == (1, 1024, 15, 20)


@pytest.mark.parametrize('out_layer,shape', [
    ('inception_3c_double_3x3_1', (1, 96, 28, 28)),
    ('inception_3c', (1, 576, 14, 14)),
])
def test_bn_inception_early_out_layers_at_224(out_layer, shape):
    model = _build(out_layer=out_layer).eval()
    with torch.no_grad():
        assert model(torch.rand(1, 3, 224, 224)).shape == shape
    assert model.out_channels == shape[1]
    assert not hasattr(model, 'inception_4a')


def test_bn_inception_stacked_flow_input():
    model = _build(in_channels=10, width_mult=0.25, out_layer='inception_4e')
    assert model.conv1_7x7_s2.conv.in_channels == 10
    with torch.no_grad():
        assert model.eval()(torch.rand(1, 10, 64, 64)).shape == (1, 264, 2, 2)


@pytest.mark.parametrize('kwargs', [
    dict(out_layer='inception_6a'),
    dict(out_stride=8),
    dict(pretrained='x.pth', init_cfg=dict(type='Pretrained',
                                           checkpoint='x.pth')),
])
def test_bn_inception_rejects_bad_arguments(kwargs):
    with pytest.raises(ValueError):
        _build(**kwargs)


# ---- (b) parameter count ----------------------------------------------------


def test_bn_inception_parameter_count_equals_the_public_model(full_model):
    # conv weight + bias, BN weight + bias, for every conv of the yaml.
    expected = sum(o * i * k * k + o + 2 * o for _, i, o, k, _ in CONVS)
    assert expected + 1024 * 1000 + 1000 == PUBLIC_TOTAL_WITH_FC
    assert sum(p.numel() for p in full_model.parameters()) == expected


def test_bn_inception_width_mult_scales_every_conv():
    model = _build(width_mult=0.5, out_layer='inception_5b')
    convs = [m for m in model.modules() if isinstance(m, torch.nn.Conv2d)]
    assert len(convs) == len(CONVS)
    assert [c.out_channels for c in convs] == [o // 2 for _, _, o, *_ in CONVS]


# ---- (c) converter ----------------------------------------------------------


def test_converter_maps_public_keys_onto_the_model(public_sd, full_model):
    converted, dropped = map_bninception_state_dict(public_sd)
    assert dropped == ['module.new_fc.weight', 'module.new_fc.bias']
    assert converted.keys() == full_model.state_dict().keys()
    full_model.load_state_dict(converted, strict=True)
    src = public_sd['module.base_model.inception_4e_double_3x3_2_bn.'
                    'running_var'][0]
    assert torch.equal(
        full_model.inception_4e.double_3x3_2.bn.running_var, src)
    assert torch.equal(full_model.inception_5b.pool_proj.conv.weight,
                       public_sd['module.base_model.inception_5b_pool_proj.'
                                 'weight'])
    assert int(converted['conv2_3x3.bn.num_batches_tracked']) == 0


def test_converter_is_idempotent_on_our_names(public_sd):
    once = convert_bninception_state_dict(public_sd)
    ours = {'backbone.' + k: v for k, v in once.items()}
    twice = convert_bninception_state_dict(ours)
    assert twice.keys() == once.keys()
    assert all(torch.equal(once[k], twice[k]) for k in once)


@pytest.mark.parametrize('prefix', ['', 'base_model.', 'backbone.'])
def test_converter_strips_the_known_wrappers(prefix):
    sd = {prefix + 'conv1_7x7_s2.weight': torch.zeros(64, 3, 7, 7),
          'fc.weight': torch.zeros(1000, 1024),
          'last_linear.bias': torch.zeros(1000)}
    converted, dropped = CONVERTERS['bninception_tsn'](sd)
    assert list(converted) == ['conv1_7x7_s2.conv.weight']
    assert dropped == ['fc.weight', 'last_linear.bias']


def test_converter_names_the_first_unknown_key():
    sd = {'conv1_7x7_s2.weight': torch.zeros(1), 'module.conv9.weight':
          torch.zeros(1), 'inception_3a_1x1_bn.scale': torch.zeros(1)}
    with pytest.raises(ValueError, match=r"'module\.conv9\.weight'"):
        map_bninception_state_dict(sd)


def test_pretrained_public_checkpoint_matches_the_reference(
        public_sd, public_ckpt):
    model = _build(out_layer='inception_5b', pretrained=public_ckpt)
    model.init_weights()
    x = torch.randn(2, 3, 64, 96)
    with torch.no_grad():
        out = model.eval()(x)
        ref = _reference(x, public_sd, 'inception_5b')
    assert out.shape == (2, 1024, 2, 3)
    torch.testing.assert_close(out, ref, rtol=1e-4, atol=1e-5)


def test_pretrained_eco_point_skips_the_later_layers(public_sd, public_ckpt):
    model = _build(out_layer='inception_3c_double_3x3_1',
                   pretrained=public_ckpt)
    model.init_weights()
    x = torch.randn(1, 3, 64, 64)
    with torch.no_grad():
        out = model.eval()(x)
        ref = _reference(x, public_sd, 'inception_3c_double_3x3_1')
    torch.testing.assert_close(out, ref, rtol=1e-4, atol=1e-5)


def test_pretrained_cross_modality_init_for_flow(public_sd, public_ckpt):
    model = _build(in_channels=10, out_layer='inception_3a',
                   pretrained=public_ckpt)
    model.init_weights()
    rgb = public_sd['module.base_model.conv1_7x7_s2.weight']
    expected = rgb.mean(1, keepdim=True).repeat(1, 10, 1, 1)
    assert torch.equal(model.conv1_7x7_s2.conv.weight, expected)
    torch.testing.assert_close(
        model.conv1_7x7_s2.conv.weight.sum(1),
        rgb.sum(1) * 10 / 3, rtol=1e-5, atol=1e-6)


def test_pretrained_loads_our_own_recognizer_checkpoint(tmp_path):
    src = _build(width_mult=0.25)
    src.init_weights()
    state = {'backbone.' + k: v for k, v in src.state_dict().items()}
    state['cls_head.fc_cls.weight'] = torch.zeros(5, 256)
    torch.save(dict(state_dict=state, meta=dict(epoch=1)), tmp_path / 'o.pth')
    dst = _build(width_mult=0.25, pretrained=str(tmp_path / 'o.pth'))
    dst.init_weights()
    for k, v in src.state_dict().items():
        assert torch.equal(dst.state_dict()[k], v), k


def test_pretrained_errors_are_clear(public_sd, public_ckpt, tmp_path):
    with pytest.raises(ValueError, match='width_mult'):
        _build(width_mult=0.5, pretrained=public_ckpt).init_weights()
    partial = {k: v for k, v in public_sd.items() if 'conv2_3x3.' not in k}
    torch.save(partial, tmp_path / 'partial.pth')
    with pytest.raises(KeyError, match='conv2_3x3.conv'):
        _build(out_layer='inception_3a',
               pretrained=str(tmp_path / 'partial.pth')).init_weights()


# ---- (d) freezing -----------------------------------------------------------


def _bn_training(model) -> set[bool]:
    return {m.training for m in model.modules()
            if isinstance(m, torch.nn.BatchNorm2d)}


def test_frozen_has_no_gradients_and_keeps_bn_in_eval():
    model = _build(width_mult=0.25, frozen=True)
    assert not any(p.requires_grad for p in model.parameters())
    model.train()
    assert model.training and _bn_training(model) == {False}
    before = model.conv1_7x7_s2.bn.running_mean.clone()
    model(torch.rand(2, 3, 64, 64))
    assert torch.equal(model.conv1_7x7_s2.bn.running_mean, before)


def test_norm_eval_keeps_bn_in_eval_but_trains_the_weights():
    model = _build(width_mult=0.25, norm_eval=True).train()
    assert _bn_training(model) == {False}
    assert all(p.requires_grad for p in model.parameters())
    model(torch.rand(1, 3, 64, 64)).mean().backward()
    assert model.inception_5a.pool_proj.conv.weight.grad is not None
    assert _bn_training(_build(width_mult=0.25).train()) == {True}


# ---- (e) CLI ----------------------------------------------------------------


def test_cli_converts_a_public_checkpoint(public_sd, tmp_path):
    stem = {k: v for k, v in public_sd.items()
            if 'conv1_7x7_s2' in k or 'new_fc' in k}
    torch.save(dict(state_dict=stem), tmp_path / 'in.pth')
    proc = subprocess.run(
        [sys.executable, 'tools/convert_checkpoint.py', 'bninception_tsn',
         str(tmp_path / 'in.pth'), str(tmp_path / 'out.pth')],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert 'module.new_fc.weight' in proc.stdout
    out = torch.load(tmp_path / 'out.pth', weights_only=False)
    assert out['meta']['converter'] == 'bninception_tsn'
    assert sorted(out['state_dict']) == sorted(
        f'conv1_7x7_s2.{m}.{s}' for m, s in [('conv', 'weight'),
                                             ('conv', 'bias'),
                                             ('bn', 'weight'), ('bn', 'bias'),
                                             ('bn', 'running_mean'),
                                             ('bn', 'running_var'),
                                             ('bn', 'num_batches_tracked')])


def test_cli_rejects_an_unknown_key(tmp_path):
    torch.save({'conv1_7x7_s2.gamma': torch.zeros(1)}, tmp_path / 'in.pth')
    tool = load_script('tools/convert_checkpoint.py')
    with pytest.raises(ValueError, match='conv1_7x7_s2.gamma'):
        tool.main(['bninception_tsn', str(tmp_path / 'in.pth'),
                   str(tmp_path / 'out.pth')])
