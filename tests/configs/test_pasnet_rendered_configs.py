# Copyright (c) mmaction-pose. All rights reserved.
"""The CPU-sized PAS-Net configs on rendered Penn Action train as they
should: stage 1 (ECO from scratch) learns its 2D BN statistics, and every
stage-2 fusion that leaves a parameter without gradient tells DDP to look
for unused parameters (else the second distributed step fails)."""
from __future__ import annotations

from pathlib import Path

import pytest
import torch
from mmengine.config import Config

from mmaction_pose.registry import MODELS

PASNET = Path(__file__).resolve().parents[2] / 'configs' / 'pasnet'
STAGE2 = sorted(p.name for p in PASNET.glob('pasnet_penn_action_rendered*'))


def _model(cfg: Config) -> torch.nn.Module:
    torch.manual_seed(0)
    model = MODELS.build(cfg.model)
    model.init_weights()
    return model.train()


def _unused(model: torch.nn.Module) -> list[str]:
    x = torch.rand(2, 3, 8, 48, 48) * 255  # (N, C, K, H, W), 8 frames
    model.backbone(x).float().mean().backward()
    return [n for n, p in model.backbone.named_parameters()
            if p.requires_grad and p.grad is None]


def test_stage1_learns_its_2d_bn_statistics():
    cfg = Config.fromfile(str(PASNET / 'eco_penn_action_rendered.py'))
    model = _model(cfg)
    assert model.backbone.appearance.conv1_7x7_s2.bn.training
    assert _unused(model) == []


@pytest.mark.parametrize('name', STAGE2)
def test_stage2_ddp_finds_unused_parameters(name):
    assert len(STAGE2) == 4
    cfg = Config.fromfile(str(PASNET / name))
    model = _model(cfg)
    unused = _unused(model)
    assert unused, 'every fusion leaves a pose-stream output unused'
    assert cfg.find_unused_parameters is True
    # fine-tuning from stage 1: ECO's partial BN again
    assert not model.backbone.appearance.conv1_7x7_s2.bn.training
