# Copyright (c) mmaction-pose. All rights reserved.
"""RPAN's ground-truth joint maps (Du et al., ICCV 2017, Sec. 4.1).

"For the training set, we add a fixed Gaussian (std: 5) centered at the
joint location. Then, we resize the ground truth heat map of each human
joint to be the same size as the attention heat map ... and normalize it."

The Gaussian is integrated exactly over each cell of the ``K1 x K2``
attention grid (what an area resize of the full-resolution map converges
to, without building it) and normalized to sum 1, comparable with the
softmax attention. The image spans ``[0, W] x [0, H]`` (the coordinates of
mmaction2's ``Resize``/``Flip``), divided into equal cells, so a flip of the
keypoints mirrors the maps exactly.
"""
from __future__ import annotations

import numpy as np
from scipy.special import erf


def _cell_mass(center: np.ndarray, sigma: float, size: float,
               cells: int) -> np.ndarray:
    """Gaussian mass in each of ``cells`` equal bins of ``[0, size]``:
    ``(...,)`` centres -> ``(..., cells)``."""
    edges = np.linspace(0., size, cells + 1)
    cdf = 0.5 * (1 + erf((edges - center[..., None]) / (sigma * np.sqrt(2))))
    return np.diff(cdf, axis=-1)


def attention_targets(keypoint: np.ndarray, visible: np.ndarray,
                      img_hw: tuple[int, int], grid: tuple[int, int],
                      sigma: float, min_mass: float = 1e-3
                      ) -> tuple[np.ndarray, np.ndarray]:
    """Normalized Gaussian joint maps on the attention grid.

    Args:
        keypoint: ``(T, J, 2)`` ``(x, y)`` in input-image pixels.
        visible: ``(T, J)`` bool, joints with an annotation.
        img_hw: ``(H, W)`` of the input image.
        grid: ``(K1, K2)`` attention grid.
        sigma: Gaussian std in input-image pixels.
        min_mass: A joint whose Gaussian puts less than this mass inside the
            image (far outside it) is masked out.

    Returns:
        ``targets (T, J, K1, K2)`` float32 (rows sum to 1, zero where masked)
        and ``mask (T, J)`` float32.
    """
    mx = _cell_mass(keypoint[..., 0], sigma, img_hw[1], grid[1])
    my = _cell_mass(keypoint[..., 1], sigma, img_hw[0], grid[0])
    maps = my[..., :, None] * mx[..., None, :]  # (T, J, K1, K2)
    mass = maps.sum((-2, -1))
    mask = visible & np.isfinite(mass) & (mass >= min_mass)
    maps = np.where(mask[..., None, None],
                    maps / np.where(mask, mass, 1.)[..., None, None], 0.)
    return maps.astype(np.float32), mask.astype(np.float32)
