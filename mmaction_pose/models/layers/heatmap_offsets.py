# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine's keypoint encoding: binary disks + offsets, and the
argmax + offset decoding into the pose image (Zhu et al., "Action Machine",
2018, Sec. 3.2, Eq. 3-6; following G-RMI, Papandreou et al. 2017).

"The training target for the heatmap branch h_k(x_i) is a map of zeros and
ones, with h_k(x_i) = 1 if ||x_i - l_k|| <= M and 0 otherwise"; "the 2D
offset vector F_k(x_i) = l_k - x_i from the pixel to the corresponding
keypoint"; decoding takes "the argmax ... on the k-th heatmap" and adds the
offset there; the confidence is "max pooling over the heatmap and passed to
the ReLU".

Coordinates: the input image spans ``[0, W] x [0, H]`` (the convention of
mmaction2's ``Resize``/``Flip`` and of RPAN's targets); the ``H' x W'`` grid
has stride ``s``, cell ``(i, j)`` is centred at ``((j + .5) s, (i + .5) s)``.
Grid coordinates ``g = p / s - .5`` put cell centres on integers; offsets are
in grid cells.
"""
from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import Tensor, nn

from mmaction_pose.registry import MODELS


def to_grid(points: Tensor, stride: float) -> Tensor:
    """Input pixels -> grid coordinates (cell centres on integers)."""
    return points / stride - 0.5


def from_grid(points: Tensor, stride: float) -> Tensor:
    """Grid coordinates -> input pixels."""
    return (points + 0.5) * stride


def disk_offset_targets(keypoint: Tensor, mask: Tensor,
                        grid: tuple[int, int], stride: float,
                        radius: float) -> tuple[Tensor, Tensor, Tensor]:
    """Binary disk heatmaps and offset maps of a batch of frames.

    Args:
        keypoint: ``(B, J, 2)`` ``(x, y)`` in input pixels.
        mask: ``(B, J)``; 0 for joints without a label. Joints whose cell
            falls outside the grid are masked too.
        grid: ``(H', W')``.
        stride: Input pixels per grid cell.
        radius: Disk radius ``M`` in input pixels (16 at 224 = 2 cells).

    Returns:
        ``heatmap (B, J, H', W')`` (1 inside the disk), ``offset
        (B, 2J, H', W')`` (``(dx_k, dy_k)`` in channels ``2k, 2k+1``, grid
        cells, zero outside the disk) and ``weight (B, J)`` (the joints that
        are supervised).
    """
    h, w = grid
    g = to_grid(keypoint.float(), stride)
    inside = (g[..., 0] > -0.5) & (g[..., 0] < w - 0.5) & \
        (g[..., 1] > -0.5) & (g[..., 1] < h - 0.5)
    weight = (mask > 0) & inside & torch.isfinite(g).all(-1)
    g = torch.where(weight[..., None], g, torch.zeros_like(g))
    xs = torch.arange(w, device=g.device, dtype=g.dtype)
    ys = torch.arange(h, device=g.device, dtype=g.dtype)
    dx = (g[..., 0, None, None] - xs).expand(*g.shape[:2], h, w)
    dy = (g[..., 1, None, None] - ys[:, None]).expand(*g.shape[:2], h, w)
    disk = (dx.square() + dy.square() <= (radius / stride) ** 2) & \
        weight[..., None, None]
    heatmap = disk.to(g.dtype)
    offset = torch.stack([dx, dy], 2) * heatmap[:, :, None]
    return heatmap, offset.flatten(1, 2), weight.to(g.dtype)


def decode_heatmap_offsets(heatmap: Tensor, offset: Tensor,
                           stride: float) -> tuple[Tensor, Tensor]:
    """Argmax + offset decoding (Eq. 6) and ReLU(max) confidences.

    Args:
        heatmap: ``(B, J, H', W')`` raw heatmaps (no sigmoid).
        offset: ``(B, 2J, H', W')`` offsets in grid cells.
        stride: Input pixels per grid cell.

    Returns:
        ``keypoint (B, J, 2)`` in input pixels and ``confidence (B, J)``.
    """
    b, j, h, w = heatmap.shape
    peak, idx = heatmap.flatten(2).max(-1)
    off = offset.view(b, j, 2, h * w).gather(
        3, idx[:, :, None, None].expand(b, j, 2, 1))[..., 0]
    cell = torch.stack([idx % w, idx // w], -1).to(offset.dtype)
    return from_grid(cell + off, stride), F.relu(peak)


@MODELS.register_module()
class HeatmapOffsetDecoder(nn.Module):
    """The pose image of Action Machine's pose-based action recognition.

    ``(N*T, 3J, H', W')`` head outputs -> ``(N, 3, T, J)`` with channels
    ``x, y, confidence``; coordinates divided by the input size (``[0, 1]``
    inside the person crop). Runs without gradient: the paper's argmax
    stops it (footnote 2), and the offsets and confidences are detached too.

    Args:
        num_keypoints: ``J``.
        stride: Input pixels per heatmap cell (8: 224 -> 28).
        normalize_coords: Divide the coordinates by the input size.
        conf_act: ``'relu'`` (paper) or ``'none'``.
    """

    def __init__(self, num_keypoints: int, stride: float = 8.,
                 normalize_coords: bool = True,
                 conf_act: str = 'relu') -> None:
        super().__init__()
        if conf_act not in ('relu', 'none'):
            raise ValueError(f"conf_act must be 'relu' or 'none', got "
                             f'{conf_act!r}')
        self.num_keypoints, self.stride = int(num_keypoints), float(stride)
        self.normalize_coords, self.conf_act = normalize_coords, conf_act

    @torch.no_grad()
    def decode(self, maps: Tensor) -> tuple[Tensor, Tensor]:
        """``(B, 3J, H', W')`` -> keypoints ``(B, J, 2)`` px, conf ``(B, J)``.
        """
        j = self.num_keypoints
        if maps.shape[1] != 3 * j:
            raise ValueError(f'expected {3 * j} channels ({j} heatmaps + '
                             f'{2 * j} offsets), got {maps.shape[1]}')
        kps, conf = decode_heatmap_offsets(maps[:, :j], maps[:, j:],
                                           self.stride)
        if self.conf_act == 'none':
            conf = maps[:, :j].flatten(2).max(-1).values
        return kps, conf

    @torch.no_grad()
    def forward(self, maps: Tensor, num_frames: int) -> Tensor:
        """``(N*T, 3J, H', W')`` -> pose image ``(N, 3, T, J)``."""
        kps, conf = self.decode(maps.detach())
        if self.normalize_coords:
            h, w = maps.shape[-2:]
            kps = kps / kps.new_tensor([w * self.stride, h * self.stride])
        image = torch.cat([kps, conf[..., None]], -1)  # (N*T, J, 3)
        return image.unflatten(0, (-1, num_frames)).permute(0, 3, 1, 2)

    def extra_repr(self) -> str:
        return (f'num_keypoints={self.num_keypoints}, stride={self.stride}, '
                f'normalize_coords={self.normalize_coords}, '
                f'conf_act={self.conf_act!r}')
