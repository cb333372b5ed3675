# Copyright (c) mmaction-pose. All rights reserved.
"""PAS-Net's sub-networks and their public checkpoints: ECO3DResNet18 (ECO-
Lite's 3D net) and OpenPoseVGG19 -- shapes, parameter counts, the
``eco_lite`` / ``openpose_coco`` converters on state dicts under the public
key names (loaded with ``strict=True``) and functional references written
from the public layer lists."""
from __future__ import annotations

import pytest
import torch
import torch.nn.functional as F
from bn_inception_convs import ECO_2D_CONVS
from conftest import load_script

from mmaction_pose.models.backbones.eco_3d_resnet import ECO3DResNet18
from mmaction_pose.models.backbones.openpose_vgg19 import OpenPoseVGG19
from mmaction_pose.models.backbones.pasnet import PASNet
from mmaction_pose.models.checkpoint_converters import (
    CONVERTERS, map_eco_lite_state_dict, map_openpose_state_dict)

# ECO-Lite's 3D layers, ``name in out stride`` (ECO.yaml of mzolfaghari/
# ECO-pytorch; the key list of ECO_Lite_rgb_model_Kinetics.pth.tar). Every
# conv is 3x3x3, pad 1, with a bias; ``*_bn`` are BatchNorm3d.
ECO_3D = """
res3a_2 96 128 1
res3b_1 128 128 1
res3b_2 128 128 1
res4a_1 128 256 2
res4a_2 256 256 1
res4a_down 128 256 2
res4b_1 256 256 1
res4b_2 256 256 1
res5a_1 256 512 2
res5a_2 512 512 1
res5a_down 256 512 2
res5b_1 512 512 1
res5b_2 512 512 1
"""
ECO_3D_CONVS = [(n, int(i), int(o), int(s)) for n, i, o, s in map(
    str.split, ECO_3D.strip().split('\n'))]
ECO_3D_BNS = [('res3a_bn', 128), ('res3b_1_bn', 128), ('res3b_bn', 128),
              ('res4a_1_bn', 256), ('res4a_bn', 256), ('res4b_1_bn', 256),
              ('res4b_bn', 256), ('res5a_1_bn', 512), ('res5a_bn', 512),
              ('res5b_1_bn', 512), ('res5b_bn', 512)]
# OpenPose COCO body (pose_deploy_linevec.prototxt; the port's
# bodypose_model), ``name in out kernel``; L1: PAFs, L2: heatmaps.
OPENPOSE_TRUNK = """
conv1_1 3 64 3
conv1_2 64 64 3
conv2_1 64 128 3
conv2_2 128 128 3
conv3_1 128 256 3
conv3_2 256 256 3
conv3_3 256 256 3
conv3_4 256 256 3
conv4_1 256 512 3
conv4_2 512 512 3
conv4_3_CPM 512 256 3
conv4_4_CPM 256 128 3
"""


def _openpose_convs() -> list[tuple[str, int, int, int]]:
    convs = [(n, int(i), int(o), int(k)) for n, i, o, k in map(
        str.split, OPENPOSE_TRUNK.strip().split('\n'))]
    for b, out in ((1, 38), (2, 19)):
        convs += [(f'conv5_{j}_CPM_L{b}', 128, 128, 3) for j in (1, 2, 3)]
        convs += [(f'conv5_4_CPM_L{b}', 128, 512, 1),
                  (f'conv5_5_CPM_L{b}', 512, out, 1)]
    for t in range(2, 7):
        for b, out in ((1, 38), (2, 19)):
            convs += [(f'Mconv{j}_stage{t}_L{b}', 185 if j == 1 else 128,
                       128, 7) for j in range(1, 6)]
            convs += [(f'Mconv6_stage{t}_L{b}', 128, 128, 1),
                      (f'Mconv7_stage{t}_L{b}', 128, out, 1)]
    return convs


OPENPOSE_CONVS = _openpose_convs()


def _randn(*shape, g, std=1.):
    return torch.randn(*shape, generator=g) * std


def _public_eco_lite() -> dict:
    """Random ECO-Lite weights in the released file's layout."""
    g = torch.Generator().manual_seed(0)
    p = 'module.base_model.'
    sd = {}

    def bn(name, c):
        sd[f'{p}{name}.weight'] = torch.rand(c, generator=g) + .5
        sd[f'{p}{name}.bias'] = _randn(c, g=g, std=.1)
        sd[f'{p}{name}.running_mean'] = _randn(c, g=g, std=.1)
        sd[f'{p}{name}.running_var'] = torch.rand(c, generator=g) + .5
        sd[f'{p}{name}.num_batches_tracked'] = torch.tensor(7)

    for n, i, o, k, _ in ECO_2D_CONVS:
        sd[f'{p}{n}.weight'] = _randn(o, i, k, k, g=g, std=(2 / i / k**2)**.5)
        sd[f'{p}{n}.bias'] = _randn(o, g=g, std=.1)
        bn(n + '_bn', o)
    for n, i, o, _ in ECO_3D_CONVS:
        sd[f'{p}{n}.weight'] = _randn(o, i, 3, 3, 3, g=g,
                                      std=(2 / i / 27)**.5)
        sd[f'{p}{n}.bias'] = _randn(o, g=g, std=.1)
    for n, c in ECO_3D_BNS:
        bn(n, c)
    sd['module.new_fc.weight'] = torch.zeros(400, 512)
    sd['module.new_fc.bias'] = torch.zeros(400)
    return sd


@pytest.fixture(scope='module')
def public_eco() -> dict:
    return _public_eco_lite()


@pytest.fixture(scope='module')
def public_openpose() -> dict:
    """Random weights under ``body_pose_model.pth``'s flat names."""
    g = torch.Generator().manual_seed(1)
    sd = {}
    for n, i, o, k in OPENPOSE_CONVS:
        sd[n + '.weight'] = _randn(o, i, k, k, g=g, std=(2 / i / k**2)**.5)
        sd[n + '.bias'] = _randn(o, g=g, std=.01)
    return sd


# ---- ECO3DResNet18 ----------------------------------------------------------


def test_eco3d_parameter_count_equals_the_public_layer_list():
    with torch.device('meta'):
        model = ECO3DResNet18()
    expected = sum(o * i * 27 + o for _, i, o, _ in ECO_3D_CONVS) + sum(
        2 * c for _, c in ECO_3D_BNS)
    assert sum(p.numel() for p in model.parameters()) == expected
    assert expected == 36_617_088


def test_eco3d_narrow_shapes_and_k_check():
    model = ECO3DResNet18(in_channels=24, width_mult=0.25).eval()
    with torch.no_grad():
        out = model(torch.rand(2, 24, 8, 8, 8))
    assert out.shape == (2, 128, 2, 2, 2) and model.out_channels == 128
    with pytest.raises(ValueError, match='divisible by 4'):
        model(torch.rand(1, 24, 6, 8, 8))


def _eco3d_reference(x: torch.Tensor, sd: dict) -> torch.Tensor:
    """ECO.yaml's 3D net, functionally, from public weights."""
    p = {k.replace('module.base_model.', ''): v.flatten()
         if v.dim() == 2 else v for k, v in sd.items()}
    stride = {n: s for n, _, _, s in ECO_3D_CONVS}

    def conv(x, n):
        return F.conv3d(x, p[n + '.weight'], p[n + '.bias'], stride[n], 1)

    def bnr(x, n):
        return F.relu(F.batch_norm(x, p[n + '.running_mean'],
                                   p[n + '.running_var'], p[n + '.weight'],
                                   p[n + '.bias'], False, 0., 1e-5))

    res3a = conv(x, 'res3a_2')
    res3b = conv(bnr(conv(bnr(res3a, 'res3a_bn'), 'res3b_1'), 'res3b_1_bn'),
                 'res3b_2') + res3a
    y = bnr(res3b, 'res3b_bn')
    for s in ('res4', 'res5'):
        a = conv(bnr(conv(y, s + 'a_1'), s + 'a_1_bn'), s + 'a_2') + conv(
            y, s + 'a_down')
        b = conv(bnr(conv(bnr(a, s + 'a_bn'), s + 'b_1'), s + 'b_1_bn'),
                 s + 'b_2') + a
        y = bnr(b, s + 'b_bn')
    return y


# ---- ECO-Lite converter -----------------------------------------------------


@pytest.fixture(scope='module')
def full_eco() -> PASNet:
    """Full-size ECO-Lite (no pose stream), on the meta device."""
    with torch.device('meta'):
        return PASNet()


def test_eco_lite_converter_loads_strictly(public_eco, full_eco):
    converted, dropped = CONVERTERS['eco_lite'](public_eco)
    assert dropped == ['module.new_fc.weight', 'module.new_fc.bias']
    state = {k[len('backbone.'):]: v for k, v in converted.items()}
    assert state.keys() == full_eco.state_dict().keys()
    full_eco.load_state_dict(state, strict=True, assign=True)
    assert torch.equal(full_eco.st.res4a_down.weight,
                       public_eco['module.base_model.res4a_down.weight'])
    assert torch.equal(
        full_eco.appearance.inception_3c.double_3x3_1.bn.running_var,
        public_eco['module.base_model.inception_3c_double_3x3_1_bn.'
                   'running_var'])
    # The residual layout of ECO.yaml (un-normalised residual stream).
    x = torch.randn(1, 96, 4, 4, 4)
    with torch.no_grad():
        torch.testing.assert_close(full_eco.st.eval()(x),
                                   _eco3d_reference(x, public_eco),
                                   rtol=1e-4, atol=1e-4)


def test_eco_lite_converter_fixes_old_vectors_and_is_idempotent(public_eco):
    old = {k: v.unsqueeze(0) if k.endswith(('_bn.weight', '_bn.bias'))
           else v for k, v in public_eco.items()
           if not k.endswith('num_batches_tracked')}
    once, _ = map_eco_lite_state_dict(old)
    assert once['backbone.st.res5b_bn.weight'].shape == (512, )
    assert int(once['backbone.st.res5b_bn.num_batches_tracked']) == 0
    twice, dropped = map_eco_lite_state_dict(dict(
        once, **{'backbone.pose.model0.conv1_1.weight': torch.zeros(1),
                 'cls_head.fc_cls.weight': torch.zeros(1)}))
    assert twice.keys() == once.keys()
    assert dropped == ['backbone.pose.model0.conv1_1.weight',
                       'cls_head.fc_cls.weight']


def test_eco_lite_converter_names_unknown_keys():
    with pytest.raises(ValueError, match='res3a_bn.scale'):
        map_eco_lite_state_dict({'res3a_bn.scale': torch.zeros(1)})
    with pytest.raises(ValueError, match='res9a_2'):
        map_eco_lite_state_dict({'module.res9a_2.weight': torch.zeros(1)})


def test_pasnet_eco_pretrained_loads_our_stage1_checkpoint(tmp_path):
    narrow = dict(appearance=dict(type='BNInception', width_mult=0.25),
                  st=dict(type='ECO3DResNet18', width_mult=0.25))
    src = PASNet(**narrow)
    state = {'backbone.' + k: v for k, v in src.state_dict().items()}
    state['cls_head.fc_cls.weight'] = torch.zeros(5, 128)
    torch.save(dict(state_dict=state), tmp_path / 'eco.pth')
    dst = PASNet(**narrow, eco_pretrained=str(tmp_path / 'eco.pth'),
                 pose=dict(type='OpenPoseVGG19', width_mult=0.125,
                           num_stages=1))
    dst.init_weights()
    for k, v in src.state_dict().items():
        assert torch.equal(dst.state_dict()[k], v), k
    with pytest.raises(ValueError, match='width_mult'):
        PASNet(eco_pretrained=str(tmp_path / 'eco.pth')).load_eco(
            str(tmp_path / 'eco.pth'))


# ---- OpenPoseVGG19 ----------------------------------------------------------


def test_openpose_parameter_count_equals_the_public_model():
    with torch.device('meta'):
        model = OpenPoseVGG19()
    expected = sum(o * i * k * k + o for _, i, o, k in OPENPOSE_CONVS)
    assert sum(p.numel() for p in model.parameters()) == expected
    assert expected == 52_311_446 and model.out_channels == 128


def test_openpose_narrow_outputs():
    model = OpenPoseVGG19(width_mult=0.25, num_stages=2).eval()
    with torch.no_grad():
        out = model(torch.rand(2, 3, 64, 64) * 255)
    assert {k: tuple(v.shape) for k, v in out.items()} == dict(
        implicit=(2, 32, 8, 8), paf=(2, 32, 8, 8), explicit=(2, 1, 8, 8),
        heatmaps=(2, 19, 8, 8), pafs=(2, 38, 8, 8))
    torch.testing.assert_close(
        out['explicit'], out['heatmaps'][:, :18].amax(1, keepdim=True))
    assert model.out_channels == 32


def test_openpose_background_channel_and_input_order():
    rgb = OpenPoseVGG19(width_mult=0.125, num_stages=1,
                        exclude_background=False).eval()
    bgr = OpenPoseVGG19(width_mult=0.125, num_stages=1, input_order='bgr',
                        exclude_background=False).eval()
    bgr.load_state_dict(rgb.state_dict())
    x = torch.rand(1, 3, 32, 32) * 255
    with torch.no_grad():
        a, b = rgb(x), bgr(x.flip(1))
    torch.testing.assert_close(a['heatmaps'], b['heatmaps'])
    torch.testing.assert_close(a['explicit'],
                               a['heatmaps'].amax(1, keepdim=True))


def test_openpose_with_cp_gives_the_same_numbers():
    plain = OpenPoseVGG19(width_mult=0.125, num_stages=2)
    ckpt = OpenPoseVGG19(width_mult=0.125, num_stages=2, with_cp=True)
    ckpt.load_state_dict(plain.state_dict())
    x = torch.rand(1, 3, 32, 32) * 255
    grads = []
    for model in (plain, ckpt):
        out = model(x)
        (out['implicit'].sum() + out['explicit'].sum()).backward()
        grads.append(model.model0.conv1_1.weight.grad)
    torch.testing.assert_close(grads[0], grads[1])


def _openpose_reference(x: torch.Tensor, sd: dict) -> dict:
    """The port's bodypose_model forward from the flat public names."""
    def chain(x, names, relu_last=False):
        for i, n in enumerate(names):
            w = sd[n + '.weight']
            x = F.conv2d(x, w, sd[n + '.bias'], 1, w.shape[-1] // 2)
            if relu_last or i < len(names) - 1:
                x = F.relu(x)
            if n in ('conv1_2', 'conv2_2', 'conv3_4'):
                x = F.max_pool2d(x, 2, 2)
        return x

    trunk = [n for n, *_ in OPENPOSE_CONVS[:12]]
    f = chain(x.flip(1) / 256 - .5, trunk, True)
    y = f
    for t in range(1, 7):
        outs = []
        for b in (1, 2):
            names = [n for n, *_ in OPENPOSE_CONVS
                     if n.endswith(f'_L{b}') and (
                         f'stage{t}_' in n if t > 1 else 'CPM_L' in n)]
            feat = chain(y, names[:-1], True)
            outs.append((feat, chain(feat, names[-1:])))
        y = torch.cat([outs[0][1], outs[1][1], f], 1)
    return dict(paf=outs[0][0], implicit=outs[1][0], pafs=outs[0][1],
                heatmaps=outs[1][1])


def test_openpose_converter_loads_strictly_and_matches_the_port(
        public_openpose):
    converted, dropped = CONVERTERS['openpose_coco'](public_openpose)
    assert not dropped
    with torch.device('meta'):
        model = OpenPoseVGG19()
    assert converted.keys() == model.state_dict().keys()
    model.load_state_dict(converted, strict=True, assign=True)
    x = torch.rand(1, 3, 24, 24) * 255
    with torch.no_grad():
        out, ref = model.eval()(x), _openpose_reference(x, public_openpose)
    for key in ref:
        torch.testing.assert_close(out[key], ref[key], rtol=1e-4, atol=1e-4)


def test_openpose_converter_key_conventions():
    w = torch.zeros(1)
    converted, dropped = map_openpose_state_dict({
        'conv1_1.weight': w, 'model1_2.conv5_5_CPM_L2.bias': w,
        'module.Mconv3_stage4_L1.weight': w,
        'backbone.pose.model6_2.Mconv7_stage6_L2.bias': w,
        'backbone.appearance.conv1_7x7_s2.conv.weight': w,
        'cls_head.fc_cls.bias': w})
    assert list(converted) == [
        'model0.conv1_1.weight', 'model1_2.conv5_5_CPM_L2.bias',
        'model4_1.Mconv3_stage4_L1.weight',
        'model6_2.Mconv7_stage6_L2.bias']
    assert dropped == ['backbone.appearance.conv1_7x7_s2.conv.weight',
                       'cls_head.fc_cls.bias']
    for bad in ('model2_1.Mconv1_stage2_L2.weight', 'conv9_1.weight',
                'conv1_1.running_mean'):
        with pytest.raises(ValueError, match='unknown OpenPose'):
            map_openpose_state_dict({bad: w})


def test_openpose_pretrained_skips_later_stages(public_openpose, tmp_path):
    small = {k: v for k, v in public_openpose.items()
             if not k.startswith(('conv4', 'conv5', 'Mconv'))}
    assert small  # the trunk's first layers only: missing weights
    torch.save(public_openpose, tmp_path / 'body_pose_model.pth')
    model = OpenPoseVGG19(num_stages=2,
                          pretrained=str(tmp_path / 'body_pose_model.pth'))
    model.init_weights()
    assert torch.equal(model.model2_2.Mconv7_stage2_L2.weight,
                       public_openpose['Mconv7_stage2_L2.weight'])
    torch.save(small, tmp_path / 'partial.pth')
    with pytest.raises(KeyError, match='conv4'):
        OpenPoseVGG19(num_stages=1, pretrained=str(
            tmp_path / 'partial.pth')).init_weights()


def test_convert_checkpoint_cli_knows_the_pasnet_converters(tmp_path):
    tool = load_script('tools/convert_checkpoint.py')
    torch.save({'conv1_1.weight': torch.zeros(64, 3, 3, 3)},
               tmp_path / 'in.pth')
    tool.main(['openpose_coco', str(tmp_path / 'in.pth'),
               str(tmp_path / 'out.pth')])
    out = torch.load(tmp_path / 'out.pth', map_location='cpu')
    assert list(out['state_dict']) == ['model0.conv1_1.weight']
    assert {'eco_lite', 'openpose_coco'} <= set(CONVERTERS)
