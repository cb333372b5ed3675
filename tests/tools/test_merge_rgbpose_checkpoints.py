# Copyright (c) mmaction-pose. All rights reserved.
"""tools/merge_rgbpose_checkpoints.py on RGB-only and Pose-only checkpoints
written by the test (narrow widths of the real configs): key mapping,
zero-padded lateral inputs, and a merged RGBPose-Conv3D that computes
exactly what the two single-pathway models compute."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import torch
from mmengine.config import Config
from mmengine.registry import DefaultScope

from mmaction_pose.registry import MODELS

ROOT = Path(__file__).resolve().parents[2]
TOOL = ROOT / 'tools' / 'merge_rgbpose_checkpoints.py'
CFG_DIR = ROOT / 'configs' / 'rgbpose_conv3d'
# RGB width 16 and pose width 8 keep the reference 2:1 ratio the laterals
# need (channel_ratio 4 against the 4x/8x bottleneck expansions).
RGBPOSE_OPTIONS = {
    'model.backbone.rgb_pathway.base_channels': 16,
    'model.backbone.pose_pathway.base_channels': 8,
    'model.cls_head.in_channels': (512, 128),
    'model.cls_head.num_classes': 5,
}


def _tool():
    spec = importlib.util.spec_from_file_location('merge_tool', TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _model(config: str, **options) -> torch.nn.Module:
    cfg = Config.fromfile(str(CFG_DIR / config))
    cfg.merge_from_dict(options)
    # Module-scoped fixtures run outside the autouse scope fixture.
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        model = MODELS.build(cfg.model)
    model.init_weights()
    # Random BN statistics and affine weights: with the zero-init residuals
    # and unit BNs of a fresh model, equality below would be near trivial.
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.BatchNorm3d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.uniform_(-0.1, 0.1)
                m.running_mean.uniform_(-0.1, 0.1)
                m.running_var.uniform_(0.5, 1.5)
    return model.eval()


@pytest.fixture(scope='module')
def single_pathway(tmp_path_factory):
    """RGB-only and Pose-only models and their checkpoints."""
    torch.manual_seed(0)
    tmp = tmp_path_factory.mktemp('ckpt')
    rgb = _model('rgb_only.py', **{
        'model.backbone.base_channels': 16,
        'model.cls_head.in_channels': 512,
        'model.cls_head.num_classes': 5})
    pose = _model('pose_only.py', **{
        'model.backbone.base_channels': 8,
        'model.cls_head.in_channels': 128,
        'model.cls_head.num_classes': 5})
    paths = tmp / 'rgb.pth', tmp / 'pose.pth'
    for model, path in zip((rgb, pose), paths):
        torch.save(dict(state_dict=model.state_dict(), meta=dict()), path)
    return rgb, pose, paths


@pytest.fixture(scope='module')
def merged(single_pathway, tmp_path_factory):
    _, _, (rgb_path, pose_path) = single_pathway
    out = tmp_path_factory.mktemp('merged') / 'init.pth'
    options = [f'{k}={v}'.replace(' ', '')
               for k, v in RGBPOSE_OPTIONS.items()]
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        report = _tool().main([str(rgb_path), str(pose_path), str(out),
            '--config', str(CFG_DIR / 'ntu60.py'), '--cfg-options', *options
        ])
    return out, report


def test_merge_pads_exactly_the_lateral_receiving_convs(merged):
    _, report = merged
    assert sorted(report['padded']) == sorted(
        f'backbone.{path}.{layer}.0.{conv}.conv.weight'
        for path, layers in (('rgb_path', ('layer3', 'layer4')),
                             ('pose_path', ('layer2', 'layer3')))
        for layer in layers for conv in ('conv1', 'downsample'))
    assert report['left_to_init']
    assert all('lateral' in k for k in report['left_to_init'])


def test_merge_zero_pads_after_the_pathways_own_channels(merged,
                                                         single_pathway):
    rgb, _, _ = single_pathway
    out, _ = merged
    state = torch.load(out, map_location='cpu')['state_dict']
    new = state['backbone.rgb_path.layer3.0.conv1.conv.weight']
    old = rgb.state_dict()['backbone.layer3.0.conv1.conv.weight']
    assert new.shape == (64, 160, 3, 1, 1) and old.shape == (64, 128, 3, 1, 1)
    assert torch.equal(new[:, :128], old)
    assert not new[:, 128:].any()
    assert torch.equal(state['cls_head.fc_rgb.weight'],
                       rgb.state_dict()['cls_head.fc_cls.weight'])


def test_merged_model_reproduces_both_single_pathway_models(
        merged, single_pathway):
    rgb, pose, _ = single_pathway
    out, _ = merged
    cfg = Config.fromfile(str(CFG_DIR / 'ntu60.py'))
    cfg.merge_from_dict(RGBPOSE_OPTIONS)
    fused = MODELS.build(cfg.model)
    fused.init_weights()  # laterals: random, as after `load_from`
    state = torch.load(out, map_location='cpu')['state_dict']
    missing, unexpected = fused.load_state_dict(state, strict=False)
    assert not unexpected and all('lateral' in k for k in missing)
    fused.eval()
    # Heatmaps are 1/4 of the RGB size (56 vs 224 in the paper).
    imgs, heatmaps = torch.rand(2, 3, 8, 64, 64), torch.rand(2, 17, 32, 16, 16)
    with torch.no_grad():
        x_rgb, x_pose = fused.backbone(imgs, heatmaps)
        torch.testing.assert_close(x_rgb, rgb.backbone(imgs))
        torch.testing.assert_close(x_pose, pose.backbone(heatmaps))
        scores = fused.cls_head((x_rgb, x_pose))
        torch.testing.assert_close(scores['rgb'], rgb.cls_head(x_rgb))
        torch.testing.assert_close(scores['pose'], pose.cls_head(x_pose))


def test_merge_rejects_checkpoints_that_do_not_fit_the_config(
        single_pathway):
    tool = _tool()
    rgb, pose, _ = single_pathway
    cfg = Config.fromfile(str(CFG_DIR / 'ntu60.py'))
    cfg.merge_from_dict(dict(RGBPOSE_OPTIONS, **{
        'model.backbone.pose_pathway.base_channels': 4}))
    target = tool.target_shapes(cfg)
    with pytest.raises(ValueError, match='cannot pad'):
        tool.merge(rgb.state_dict(), pose.state_dict(), target)
    bad = dict(pose.state_dict(), **{'data_preprocessor.mean': torch.ones(3)})
    with pytest.raises(ValueError, match='unexpected key'):
        tool.merge(rgb.state_dict(), bad, target)
