# Copyright (c) mmaction-pose. All rights reserved.
"""The PoseConv3D backbones of the paper's Table 2, built from our configs:
parameter counts (exact), FLOPs at 48x56x56 (mmengine's analysis), output
shapes and one training step on tiny inputs."""
from __future__ import annotations

from pathlib import Path

import pytest
import torch
from mmengine.analysis import FlopAnalyzer
from mmengine.config import Config
from mmengine.optim import OptimWrapper

from mmaction.structures import ActionDataSample
from mmaction_pose.registry import MODELS

CONFIGS = Path(__file__).resolve().parents[3] / 'configs' / 'posec3d'

# name: (leaf config, params without FC [paper], GFLOPs [paper], input
#        side for the FLOPs, output (C, T, H, W) for a (17, 8, 32, 32) input)
TABLE2 = {
    'Pose-SlowOnly': ('ntu60_xsub_keypoint', 1_994_080, 15.9, 56,
                      (512, 4, 4, 4)),
    'Pose-SlowOnly-wd': ('ntu60_xsub_keypoint_slowonly_wd', 7_897_792, 54.9,
                         56, (1024, 4, 4, 4)),
    'Pose-SlowOnly-HR': ('ntu60_xsub_keypoint_slowonly_hr', 7_946_208, 73.0,
                         112, (1024, 4, 2, 2)),
    'Pose-C3D': ('ntu60_xsub_keypoint_c3d', 6_929_440, 25.2, 56,
                 (256, 8, 4, 4)),
    'Pose-C3D-s': ('ntu60_xsub_keypoint_c3d_s', 3_389_472, 16.8, 56,
                   (256, 8, 4, 4)),
    'Pose-X3D': ('ntu60_xsub_keypoint_x3d', 530_742, 1.1, 56,
                 (216, 8, 2, 2)),
    'Pose-X3D-s': ('ntu60_xsub_keypoint_x3d_s', 241_488, 0.6, 56,
                   (216, 8, 2, 2)),
}
# FLOP counts over ~3 s on one CPU thread.
SLOW_FLOPS = {'Pose-SlowOnly-wd', 'Pose-SlowOnly-HR'}
# Table 2 prints GFLOPs with one decimal, so its values are only known to
# +-0.05G. Our count for Pose-X3D, 1.056G, is 4.0% under the printed 1.1G
# but inside that rounding; every other backbone is within 3%.
ROUNDING_ONLY = {'Pose-X3D'}


def _model_cfg(name: str) -> Config:
    return Config.fromfile(str(CONFIGS / f'{TABLE2[name][0]}.py')).model


def _backbone(name: str) -> torch.nn.Module:
    backbone = MODELS.build(_model_cfg(name).backbone)
    backbone.init_weights()
    return backbone


@pytest.mark.parametrize('name', TABLE2)
def test_backbone_params_equal_paper(name):
    backbone = _backbone(name)
    assert sum(p.numel() for p in backbone.parameters()) == TABLE2[name][1]


@pytest.mark.parametrize('name', [
    pytest.param(n, marks=pytest.mark.slow) if n in SLOW_FLOPS else n
    for n in TABLE2
])
def test_backbone_flops_match_paper(name):
    _, _, paper, side, _ = TABLE2[name]
    backbone = _backbone(name)
    backbone.eval()
    analyzer = FlopAnalyzer(backbone, torch.rand(1, 17, 48, side, side))
    analyzer.unsupported_ops_warnings(False)
    analyzer.uncalled_modules_warnings(False)
    with torch.no_grad():
        gflops = analyzer.total() / 1e9
    tolerance = 0.05 if name in ROUNDING_ONLY else 0.03 * paper
    assert abs(gflops - paper) <= tolerance


@pytest.mark.parametrize('name', TABLE2)
def test_backbone_output_shape(name):
    backbone = _backbone(name)
    backbone.eval()
    with torch.no_grad():
        out = backbone(torch.rand(1, 17, 8, 32, 32))
    assert out.shape == (1, *TABLE2[name][4])
    assert torch.isfinite(out).all()


@pytest.mark.parametrize('name', TABLE2)
def test_recognizer_train_step(name):
    cfg = _model_cfg(name)
    cfg.cls_head.num_classes = 3
    model = MODELS.build(cfg)
    model.init_weights()
    optim = OptimWrapper(torch.optim.SGD(model.parameters(), lr=0.01))
    samples = [ActionDataSample().set_gt_label(label) for label in (0, 2)]
    data = dict(inputs=[torch.rand(1, 17, 8, 32, 32) for _ in samples],
                data_samples=samples)
    before = model.cls_head.fc_cls.weight.detach().clone()
    losses = model.train_step(data, optim)
    assert torch.isfinite(losses['loss'])
    assert not torch.equal(before, model.cls_head.fc_cls.weight)
