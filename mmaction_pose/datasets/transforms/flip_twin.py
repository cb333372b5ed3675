# Copyright (c) mmaction-pose. All rights reserved.
"""``AppendFlippedFrames``: the RGB half of a two-flip test.

mmaction2's ``GeneratePoseTarget(double=True)`` appends the mirrored
heatmaps (left and right joints swapped) as a second crop, so that the
head averages the scores of both views; no mmaction2 transform does the
same for RGB frames. This one appends the mirrored copy of every frame,
which ``FormatShape`` then folds into a second crop (its reshape takes the
crop count from the array length), so an RGB + pose model is tested on
both views of both modalities.
"""
from __future__ import annotations

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS


@TRANSFORMS.register_module()
class AppendFlippedFrames(BaseTransform):
    """Append the horizontally flipped copy of every frame (test time).

    Required Keys:
        - imgs: a list of ``(H, W, C)`` arrays (all clips, in order)

    Modified Keys:
        - imgs: ``imgs + [flip(img) for img in imgs]`` (twice as long)

    Args:
        keys: The frame lists to double (``imgs``; ``('imgs',
            'heatmap_imgs')`` is not needed: the heatmaps double in
            ``GeneratePoseTarget``).
    """

    def __init__(self, keys: tuple[str, ...] = ('imgs', )) -> None:
        self.keys = tuple(keys)

    def transform(self, results: dict) -> dict:
        for key in self.keys:
            frames = results[key]
            results[key] = list(frames) + [
                np.ascontiguousarray(np.flip(f, axis=1)) for f in frames
            ]
        return results

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}(keys={self.keys})'
