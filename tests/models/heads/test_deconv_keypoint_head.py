# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine's pose branch: disk/offset targets, decoding, the head's
shapes and losses (Zhu et al. 2018, Sec. 3.2, Eq. 3-6)."""
import math

import pytest
import torch
from mmaction.structures import ActionDataSample

from mmaction_pose.models.heads.deconv_keypoint_head import DeconvKeypointHead
from mmaction_pose.models.layers.heatmap_offsets import (
    HeatmapOffsetDecoder, decode_heatmap_offsets, disk_offset_targets)


def test_disk_has_thirteen_cells_at_radius_two_cells():
    # A joint on a cell centre, radius 16 px at stride 8 = 2 cells: the
    # lattice points of a radius-2 disk, 13 of them.
    kps = torch.tensor([[[8 * 10.5, 8 * 12.5]]])
    heat, off, weight = disk_offset_targets(kps, torch.ones(1, 1), (28, 28),
                                            8., 16.)
    assert heat.shape == (1, 1, 28, 28) and off.shape == (1, 2, 28, 28)
    assert int(heat.sum()) == 13 and weight.item() == 1
    assert heat[0, 0, 12, 10] == 1 and heat[0, 0, 12, 12] == 1
    assert heat[0, 0, 13, 11] == 1 and heat[0, 0, 14, 11] == 0  # r=2.24
    # offsets point from each disk cell to the joint, zero outside
    assert off[0, 0, 12, 8].item() == pytest.approx(2.)  # dx from col 8
    assert off[0, 1, 10, 10].item() == pytest.approx(2.)  # dy from row 10
    assert (off[0][:, heat[0, 0] == 0] == 0).all()


def test_masked_and_outside_joints_have_no_target():
    kps = torch.tensor([[[40., 40.], [-30., 10.], [50., 50.]]])
    mask = torch.tensor([[1., 1., 0.]])
    heat, off, weight = disk_offset_targets(kps, mask, (12, 12), 8., 16.)
    assert weight.tolist() == [[1., 0., 0.]]
    assert heat[0, 1:].sum() == 0 and off[0, 2:].abs().sum() == 0


@pytest.mark.parametrize('grid,stride', [((28, 28), 8.), ((12, 12), 8.),
                                         ((16, 20), 4.)])
def test_decode_of_encode_is_the_keypoints(grid, stride):
    # decode(encode(kps)) == kps (exactly: the target offsets point at the
    # joint), far below the one-pixel tolerance of the 28x28 grid.
    g = torch.Generator().manual_seed(0)
    h, w = grid
    kps = torch.rand(6, 17, 2, generator=g) * torch.tensor(
        [w * stride - 1, h * stride - 1])
    heat, off, _ = disk_offset_targets(kps, torch.ones(6, 17), grid, stride,
                                       2 * stride)
    dec, conf = decode_heatmap_offsets(heat, off, stride)
    assert torch.allclose(dec, kps, atol=1e-4)
    assert (conf == 1).all()


def test_pose_image_is_normalized_and_detached():
    dec = HeatmapOffsetDecoder(num_keypoints=3, stride=8.)
    kps = torch.tensor([[[4., 4.], [92., 44.], [48., 95.]]]).repeat(4, 1, 1)
    heat, off, _ = disk_offset_targets(kps, torch.ones(4, 3), (12, 12), 8.,
                                       16.)
    maps = torch.cat([heat * 2., off], 1).requires_grad_()
    image = dec(maps, num_frames=2)
    assert image.shape == (2, 3, 2, 3) and not image.requires_grad
    assert torch.allclose(image[0, 0, 0], kps[0, :, 0] / 96.)
    assert torch.allclose(image[0, 1, 0], kps[0, :, 1] / 96.)
    assert torch.allclose(image[0, 2], torch.full((2, 3), 2.))  # ReLU(max)
    with pytest.raises(ValueError, match='9 channels'):
        dec(maps[:, :5], num_frames=2)


def _samples(kps, mask):
    out = []
    for k, m in zip(kps, mask):
        ds = ActionDataSample()
        ds.set_field(k, 'pose_keypoint')
        ds.set_field(m, 'pose_mask')
        out.append(ds)
    return out


def test_head_shapes_per_frame_and_the_papers_layers():
    head = DeconvKeypointHead(in_channels=32, num_keypoints=17)
    head.init_weights()
    out = head(torch.randn(2, 32, 8, 7, 7))
    assert out.shape == (16, 51, 28, 28)  # (N*T, 3K, 28, 28) at 224
    deconvs = [m for m in head.modules()
               if isinstance(m, torch.nn.ConvTranspose2d)]
    assert [(d.out_channels, d.kernel_size, d.stride) for d in deconvs] == \
        [(256, (4, 4), (2, 2))] * 2
    # shared over time: frame t of sample n is row n*T + t
    x = torch.randn(1, 32, 2, 7, 7)
    head.eval()
    assert torch.allclose(head(x)[1], head(x[:, :, 1:])[0], atol=1e-6)


def test_loss_terms_weights_and_zero_at_the_target():
    head = DeconvKeypointHead(in_channels=8, num_keypoints=2,
                              num_deconv_filters=(4, 4), stride=8.,
                              radius=16.)
    kps = torch.tensor([[[30., 30.], [60., 70.]]]).repeat(3, 1, 1)
    mask = torch.ones(3, 2)
    heat, off, _ = disk_offset_targets(kps, mask, (12, 12), 8., 16.)
    perfect = head.loss_by_maps(torch.cat([heat, off], 1), kps, mask)
    assert perfect['loss_heatmap'] == 0 and perfect['loss_offset'] == 0
    assert perfect['kps_err'] < 1e-4
    # all-zero maps: L_h = (1/K) sum_k sum_i R(0, h) = 0.5 per disk cell
    # (smooth L1 of 1 with beta 1), mean over frames, times lambda_h = 0.5
    cells = heat.sum().item() / 2 / 3
    zero = head.loss_by_maps(torch.zeros(3, 6, 12, 12), kps, mask)
    assert zero['loss_heatmap'].item() == pytest.approx(0.5 * 0.5 * cells)
    manual = (torch.nn.functional.smooth_l1_loss(
        torch.zeros_like(off), off, reduction='none') * 1).sum() / 2 / 3
    assert zero['loss_offset'].item() == pytest.approx(0.5 * manual.item())
    # lambdas and the mean reduction
    head2 = DeconvKeypointHead(in_channels=8, num_keypoints=2,
                               num_deconv_filters=(4, 4), lambda_h=1.,
                               lambda_o=2., position_reduction='mean')
    z2 = head2.loss_by_maps(torch.zeros(3, 6, 12, 12), kps, mask)
    assert z2['loss_heatmap'].item() == pytest.approx(0.5 * cells / 144)
    assert z2['loss_offset'].item() == pytest.approx(
        2 * manual.item() / 144)


def test_head_loss_reads_the_samples_and_backpropagates():
    head = DeconvKeypointHead(in_channels=8, num_keypoints=2,
                              num_deconv_filters=(4, 4))
    x = torch.randn(2, 8, 3, 3, 3, requires_grad=True)
    kps = torch.rand(2, 3, 2, 2) * 40
    losses = head.loss(x, _samples(kps, torch.ones(2, 3, 2)))
    (losses['loss_heatmap'] + losses['loss_offset']).backward()
    assert x.grad is not None and math.isfinite(losses['kps_err'].item())
    with pytest.raises(KeyError, match='SelectTargetJoints'):
        head.loss(x, [ActionDataSample(), ActionDataSample()])
    with pytest.raises(ValueError, match='target frames'):
        head.loss(x, _samples(kps[:, :2], torch.ones(2, 2, 2)))
