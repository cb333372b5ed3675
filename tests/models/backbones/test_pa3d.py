# Copyright (c) mmaction-pose. All rights reserved.
"""PA3D backbones: action CNN (Table 1), one stream, ⊕ concatenation."""
from __future__ import annotations

import pytest
import torch

from mmaction_pose.models.backbones import (PA3D, PA3DActionCNN,
                                            PA3DModalityConcat)
from mmaction_pose.registry import MODELS

SMALL_CNN = dict(channels=(8, 16, 32))


@pytest.mark.parametrize('hw,out_hw', [((32, 32), (4, 4)),
                                       ((30, 40), (4, 5))])
def test_action_cnn_reduces_by_8(hw, out_hw):
    cnn = PA3DActionCNN(12, **SMALL_CNN)
    assert cnn(torch.rand(2, 12, *hw)).shape == (2, 32, *out_hw)


def test_action_cnn_matches_table1_layers():
    cnn = PA3DActionCNN(228)
    convs = [m for m in cnn.modules() if isinstance(m, torch.nn.Conv2d)]
    assert [c.out_channels for c in convs] == [128, 128, 256, 256, 512, 512]
    assert [c.stride[0] for c in convs] == [2, 1, 2, 1, 2, 1]
    assert all(c.kernel_size == (3, 3) for c in convs)
    assert cnn.out_channels == 512


def test_pa3d_stream_forward_backward():
    model = PA3D(in_channels=13, num_frames=8, cnn_cfg=SMALL_CNN)
    x = torch.rand(2, 13, 8, 16, 16, requires_grad=True)
    y = model(x)
    assert y.shape == (2, 32, 1, 2, 2)  # 5-D for I3DHead
    y.sum().backward()
    assert torch.isfinite(x.grad).all()
    # R = 13 joints × (6 global + 3 dilated × 2 positions)
    assert model.cnn.layers[0].conv.in_channels == 13 * 12


def test_pa3d_eval_is_deterministic():
    model = PA3D(in_channels=4, num_frames=4, input_norm=True,
                 cnn_cfg=SMALL_CNN).eval()
    x = torch.rand(1, 4, 4, 8, 8)
    torch.testing.assert_close(model(x), model(x))


def test_pa3d_builds_from_registry_with_local_type():
    model = MODELS.build(dict(
        type='PA3D', in_channels=3, num_frames=8,
        temporal_cfg=dict(global_out=0, dilations=(), local_kernel=3),
        cnn_cfg=SMALL_CNN))
    assert model.temporal.out_channels_per_joint == 6
    assert model(torch.rand(2, 3, 8, 8, 8)).shape == (2, 32, 1, 1, 1)


def test_modality_concat_forward():
    model = PA3DModalityConcat(
        modalities=dict(
            imgs=dict(in_channels=13, num_frames=8),
            jdiff_imgs=dict(in_channels=13, num_frames=7,
                            temporal_cfg=dict(global_out=6, dilations=()))),
        cnn_cfg=SMALL_CNN)
    y = model(imgs=torch.rand(2, 13, 8, 8, 8),
              jdiff_imgs=torch.rand(2, 13, 7, 8, 8))
    assert y.shape == (2, 32, 1, 1, 1)
    assert model.cnn.layers[0].conv.in_channels == 13 * 12 + 13 * 6


def test_modality_concat_rejects_missing_input():
    model = PA3DModalityConcat(
        modalities=dict(imgs=dict(in_channels=2, num_frames=4)),
        cnn_cfg=SMALL_CNN)
    with pytest.raises(KeyError):
        model(paf_imgs=torch.rand(1, 2, 4, 8, 8))
