# Copyright (c) mmaction-pose. All rights reserved.
"""tools/merge_pasnet_checkpoints.py (twice-finetune's stage-2 init) on a
stage-1 ECO checkpoint and OpenPose weights written by the test from tiny
models: key mapping, the public port's flat names, the fusion conv left to
its init, the one-line report, and a stage-2 model with fusion 'A' that
computes exactly what the stage-1 model computes."""
from __future__ import annotations

import pytest
import torch
from conftest import load_script
from mmengine.config import Config
from mmengine.registry import DefaultScope

from mmaction_pose.registry import MODELS

BACKBONE = dict(type='PASNet',
                appearance=dict(type='BNInception', width_mult=0.25),
                st=dict(type='ECO3DResNet18', width_mult=0.25))
POSE = dict(type='OpenPoseVGG19', width_mult=0.25, num_stages=2)
HEAD = dict(type='I3DHead', num_classes=5, in_channels=128,
            spatial_type='avg', dropout_ratio=0.3, average_clips='prob')
PREPROCESSOR = dict(type='ActionDataPreprocessor', mean=None, std=None,
                    format_shape='NCTHW')


def _model_cfg(mode: str | None) -> dict:
    backbone = dict(BACKBONE)
    if mode is not None:
        backbone.update(pose=POSE, fusion=dict(type='PoseAppearanceFusion',
                                               mode=mode))
    return dict(type='Recognizer3D', backbone=backbone, cls_head=HEAD,
                data_preprocessor=PREPROCESSOR)


def _stage2_config(tmp_path, mode: str, pose=POSE) -> str:
    cfg = _model_cfg(mode)
    cfg['backbone']['pose'] = pose
    path = tmp_path / f'stage2_{len(list(tmp_path.iterdir()))}.py'
    path.write_text(f'model = {cfg!r}\n')
    return str(path)


def _randomise_bn(model):
    g = torch.Generator().manual_seed(5)
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
                m.running_mean.copy_(torch.randn(m.num_features,
                                                 generator=g) * .1)
                m.running_var.copy_(torch.rand(m.num_features,
                                               generator=g) + .5)
    return model


@pytest.fixture(scope='module')
def checkpoints(tmp_path_factory):
    """Stage-1 ECO (ours) and OpenPose (public flat names) checkpoints."""
    torch.manual_seed(0)
    tmp = tmp_path_factory.mktemp('pasnet')
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        stage1 = MODELS.build(_model_cfg(None))
        pose = MODELS.build(POSE)
    stage1.init_weights()
    _randomise_bn(stage1).eval()
    pose.init_weights()
    torch.save(dict(state_dict=stage1.state_dict(), meta=dict(epoch=3)),
               tmp / 'stage1.pth')
    public = {k.split('.', 1)[1]: v for k, v in pose.state_dict().items()}
    torch.save(public, tmp / 'body_pose_model.pth')  # the port's layout
    return stage1, pose, tmp


def _merge(checkpoints, tmp_path, mode, capsys=None, pose=POSE):
    _, _, tmp = checkpoints
    out = tmp_path / 'stage2_init.pth'
    report = load_script('tools/merge_pasnet_checkpoints.py').main([
        str(tmp / 'stage1.pth'), str(tmp / 'body_pose_model.pth'),
        str(out), '--config', _stage2_config(tmp_path, mode, pose)])
    return torch.load(out, map_location='cpu')['state_dict'], report


def test_merge_maps_both_sources_and_leaves_the_fusion_conv(
        checkpoints, tmp_path, capsys):
    stage1, pose, _ = checkpoints
    merged, report = _merge(checkpoints, tmp_path, 'conv(A,I,F)')
    assert report['missing'] == ['backbone.fusion.conv.0.weight',
                                 'backbone.fusion.conv.0.bias']
    assert report['unexpected'] == [] and report['dropped'] == []
    assert report['stage1'] == len(stage1.state_dict())
    assert report['pose'] == len(pose.state_dict())
    for k, v in stage1.state_dict().items():
        assert torch.equal(merged[k], v), k
    for k, v in pose.state_dict().items():
        assert torch.equal(merged['backbone.pose.' + k], v), k
    line = capsys.readouterr().out.strip().split('\n')[-1]
    assert line.endswith('missing 2 (backbone.fusion: 2); unexpected 0')


def test_stage2_with_fusion_a_reproduces_stage1(checkpoints, tmp_path):
    stage1, _, _ = checkpoints
    merged, report = _merge(checkpoints, tmp_path, 'A')
    assert report['missing'] == [] and report['unexpected'] == []
    stage2 = MODELS.build(Config.fromfile(
        _stage2_config(tmp_path, 'A')).model)
    stage2.load_state_dict(merged, strict=True)
    clips = torch.rand(2, 1, 3, 4, 64, 64) * 255
    with torch.no_grad():
        s1, _ = stage1.eval().extract_feat(clips, stage='head')
        s2, _ = stage2.eval().extract_feat(clips, stage='head')
    assert torch.equal(s1, s2)


def test_merge_reports_unused_openpose_stages_and_rejects_mismatches(
        checkpoints, tmp_path):
    _, report = _merge(checkpoints, tmp_path, 'A+pool(I)+pool(F)',
                       pose=dict(POSE, num_stages=1))
    assert report['missing'] == []
    assert report['unexpected'] and all(
        k.startswith(('backbone.pose.model2_1.', 'backbone.pose.model2_2.'))
        for k in report['unexpected'])
    with pytest.raises(ValueError, match='shape mismatches'):
        _merge(checkpoints, tmp_path, 'A', pose=dict(POSE, width_mult=.125))


def test_merge_rejects_a_stage1_checkpoint_with_a_pose_stream(checkpoints):
    stage1, pose, _ = checkpoints
    tool = load_script('tools/merge_pasnet_checkpoints.py')
    bad = dict(stage1.state_dict(), **{
        'backbone.pose.model0.conv1_1.weight': torch.zeros(1)})
    with pytest.raises(ValueError, match='unexpected key'):
        tool.merge(bad, pose.state_dict())
    fused = dict(stage1.state_dict(),
                 **{'backbone.fusion.conv.0.bias': torch.zeros(1)})
    merged, report = tool.merge(fused, pose.state_dict())
    assert report['dropped'] == ['backbone.fusion.conv.0.bias']
    assert 'backbone.fusion.conv.0.bias' not in merged
