# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseCompact``: drop-in for mmaction2's class.

Same arguments, keys and values (parity test:
``tests/datasets/transforms/test_compact.py``). Differences: the input
keypoint array is not modified in place (a new array is written to
``results``), and it runs on numpy 2 (mmaction2 uses ``np.Inf``).
"""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.compact import combine_quadruple, compact_box, crop_keypoints


@TRANSFORMS.register_module()
class PoseCompact(BaseTransform):
    """Crop to the box around all joints, grown by ``padding``.

    The tight box over all non-zero coordinates of all frames and persons
    is expanded to ``1 + padding`` times its size (and, with ``hw_ratio``,
    to an aspect ratio); keypoints are shifted into it. NaN coordinates
    become 0 (missing).

    Required Keys:
        - keypoint ``(M, T, V, 2)``
        - img_shape ``(H, W)``
        - crop_quadruple (optional, default ``(0, 0, 1, 1)``)

    Modified Keys:
        - keypoint (a new array)
        - img_shape ``(box height, box width)``

    Added Keys:
        - crop_quadruple ``(x, y, w, h)`` relative to the original image

    Args:
        padding: Relative growth of the tight box.
        threshold: Do nothing if the tight box is narrower or lower than
            this (pixels).
        hw_ratio: Height/width ratio (a float, or a ``(min, max)`` range);
            ``None`` disables the aspect constraint.
        allow_imgpad: Let the box extend outside the image.
    """

    def __init__(self,
                 padding: float = 0.25,
                 threshold: int = 10,
                 hw_ratio: float | tuple[float, float] | None = None,
                 allow_imgpad: bool = True) -> None:
        assert padding >= 0
        if hw_ratio is not None and not isinstance(hw_ratio, (tuple, list)):
            hw_ratio = (hw_ratio, hw_ratio)
        self.padding = padding
        self.threshold = threshold
        self.hw_ratio = None if hw_ratio is None else tuple(hw_ratio)
        self.allow_imgpad = allow_imgpad

    def transform(self, results: dict) -> dict:
        kp = results['keypoint']
        h, w = results['img_shape']
        box = compact_box(kp, (h, w), self.padding, self.threshold,
                          self.hw_ratio, self.allow_imgpad)
        if box is None:
            if np.isnan(kp).any():
                results['keypoint'] = np.where(np.isnan(kp), 0, kp)
            return results
        x1, y1, x2, y2 = box
        results['keypoint'] = crop_keypoints(kp, box)
        results['img_shape'] = (y2 - y1, x2 - x1)
        results['crop_quadruple'] = combine_quadruple(
            results.get('crop_quadruple', (0., 0., 1., 1.)),
            (x1 / w, y1 / h, (x2 - x1) / w, (y2 - y1) / h))
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(padding={self.padding}, '
                f'threshold={self.threshold}, hw_ratio={self.hw_ratio}, '
                f'allow_imgpad={self.allow_imgpad})')
