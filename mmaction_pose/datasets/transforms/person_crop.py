# Copyright (c) mmaction-pose. All rights reserved.
"""``PersonBoxCrop`` and ``BoxThreeCrop``: Action Machine's person-centric
crop (Zhu et al., 2018, Sec. 3.1, 4.3; spec ``action_machine.md`` 1.1, 1.3,
3.1 and 6, items 6, 13 and 18; :mod:`.functional.person_box`)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from .functional.person_box import (crop_resize, jitter_box, scale_box,
                                    square_box, transform_keypoints, union_box)


@TRANSFORMS.register_module()
class PersonBoxCrop(BaseTransform):
    """Crop every frame with one shared person box and resize it.

    The box is one for the whole sample, the same for every frame: the
    video box ``box`` of the annotation if it is one ``(4,)`` box; else the
    union of the per-frame detections ``box`` ``(M, T_all, 4)`` with
    ``box_score >= box_score_thr``; else the box around all keypoints in
    ``results`` with score ``> score_thr``, enlarged ``1 + expand`` times
    (after mmaction2's ``PoseDecode`` these are the keypoints of the sampled
    frames only, not of the whole video; before it, all frames); else the
    full frame. Then, in this order: jitter (``jitter=True``, one draw per
    call, i.e. per clip with ``num_clips=1``), extension to ``h / w ==
    aspect_ratio``, enlargement by ``context_scale`` about the centre (test:
    ``256 / 224`` with ``out_size=(256, 256)``, so the centre 224 crop of
    ``BoxThreeCrop`` is the training view), and a bilinear crop + resize of
    every frame (outside the image: ``pad_value``).

    ``box`` is in the coordinates of the decoded frames: a ``Resize`` before
    this transform is undone through ``scale_factor``. Keypoints move with
    the pixels; those outside the crop keep their (negative or ``>= out``)
    coordinates for a later transform to mask. Place ``Flip`` after it.

    Required Keys:
        - imgs: ``T`` frames ``(H, W, 3)``
        - img_shape ``(H, W)``
        - box (optional): ``(4,)``, or ``(M, T_all, 4)`` / ``(N, 4)``
          (``person_box`` is read when ``box`` is absent)
        - box_score (optional): ``box.shape[:-1]``
        - keypoint (optional): ``(M, T, V, 2+)``
        - keypoint_score (optional): ``(M, T, V)``
        - scale_factor (optional, set by ``Resize``)

    Modified Keys:
        - imgs: ``T`` frames ``(out_h, out_w, 3)``
        - img_shape: ``out_size``
        - keypoint: in the crop's pixel coordinates (float32)

    Added Keys:
        - crop_box: ``(4,)`` float32 ``[x1, y1, x2, y2]`` of the crop in
          the input frames' coordinates

    Args:
        out_size: ``(h, w)`` of the output frames.
        aspect_ratio: ``h / w`` the box is extended to (paper: 1).
        jitter: Jitter the box (training).
        center_jitter: Maximal centre shift, relative to the box size.
        scale_jitter: Range of the independent width and height factors.
        context_scale: Enlargement of the squared box.
        expand: Relative enlargement of a keypoint-derived box.
        score_thr: Keypoints at or below this score do not make the box.
        box_score_thr: Detections below this score do not make the box.
        pad_value: Fill value outside the image (scalar or per channel).
        seed: ``None`` draws the jitter from NumPy's global generator
            (seeded per worker by MMEngine); an integer seeds a private
            generator (reproducible runs and tests).
    """

    def __init__(self,
                 out_size: tuple[int, int] = (224, 224),
                 aspect_ratio: float = 1.0,
                 jitter: bool = False,
                 center_jitter: float = 0.1,
                 scale_jitter: tuple[float, float] = (0.9, 1.1),
                 context_scale: float = 1.0,
                 expand: float = 0.15,
                 score_thr: float = 0.2,
                 box_score_thr: float = 0.99,
                 pad_value: float | Sequence[float] = 0,
                 seed: int | None = None) -> None:
        if isinstance(out_size, int):
            out_size = (out_size, out_size)
        if len(out_size) != 2 or min(out_size) <= 0:
            raise ValueError(f'out_size must be (h, w) > 0, got {out_size}')
        if aspect_ratio <= 0 or context_scale <= 0:
            raise ValueError('aspect_ratio and context_scale must be > 0')
        if not 0 < scale_jitter[0] <= scale_jitter[1]:
            raise ValueError(f'bad scale_jitter {scale_jitter}')
        self.out_size = tuple(int(s) for s in out_size)
        self.aspect_ratio, self.jitter = float(aspect_ratio), bool(jitter)
        self.center_jitter = float(center_jitter)
        self.scale_jitter = tuple(float(s) for s in scale_jitter)
        self.context_scale, self.expand = float(context_scale), float(expand)
        self.score_thr = float(score_thr)
        self.box_score_thr = float(box_score_thr)
        self.pad_value, self.seed = pad_value, seed
        self._rng = np.random if seed is None else \
            np.random.default_rng(seed)

    def video_box(self, results: dict) -> np.ndarray:
        """The shared, unjittered person box of ``results``, ``(4,)``."""
        img_shape = results.get('img_shape', results['imgs'][0].shape[:2])
        box = results.get('box', results.get('person_box'))
        if box is not None:
            box = np.asarray(box, dtype=np.float64)
            scale = np.asarray(results.get('scale_factor', (1., 1.)))
            box = box * np.tile(scale.astype(np.float64), 2)
            if box.shape == (4, ):
                return box.astype(np.float32)
        return union_box(
            results.get('keypoint'),
            results.get('keypoint_score'),
            score_thr=self.score_thr,
            boxes=box,
            box_scores=results.get('box_score'),
            box_score_thr=self.box_score_thr,
            expand=self.expand,
            img_shape=img_shape)

    def transform(self, results: dict) -> dict:
        """Crop ``results`` (see the class docstring)."""
        box = self.video_box(results)
        if self.jitter:
            box = jitter_box(box, self._rng, self.center_jitter,
                             self.scale_jitter)
        box = square_box(box, self.aspect_ratio)
        box = scale_box(box, self.context_scale)
        results['imgs'] = crop_resize(results['imgs'], box, self.out_size,
                                      self.pad_value)
        if results.get('keypoint') is not None:
            results['keypoint'] = transform_keypoints(results['keypoint'], box,
                                                      self.out_size)
        results['img_shape'] = self.out_size
        results['crop_box'] = box.astype(np.float32)
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(out_size={self.out_size}, '
                f'aspect_ratio={self.aspect_ratio}, jitter={self.jitter}, '
                f'center_jitter={self.center_jitter}, '
                f'scale_jitter={self.scale_jitter}, '
                f'context_scale={self.context_scale}, '
                f'expand={self.expand}, score_thr={self.score_thr}, '
                f'box_score_thr={self.box_score_thr}, '
                f'pad_value={self.pad_value}, seed={self.seed})')


@TRANSFORMS.register_module()
class BoxThreeCrop(BaseTransform):
    """Three (or more) ``crop_size`` squares of the person-crop frames.

    Action Machine tests on "the up left, center, down right" crops. From
    frames ``(H, W)`` with ``H, W >= crop_size`` the crops start at ``x`` in
    ``0, (W - c) // 2, W - c`` and ``y`` in ``0, (H - c) // 2, H - c`` (both
    axes move; mmaction2's ``ThreeCrop`` moves along one axis only). The
    output is crop-major like ``ThreeCrop`` (all frames of crop 0, then of
    crop 1, ...), so ``FormatShape('NCTHW')`` gives ``n_crops x num_clips``
    views. Keypoints and scores are tiled the same way.

    Required Keys:
        - imgs: ``T`` frames ``(H, W, C)``
        - keypoint (optional): ``(M, T, V, 2+)``
        - keypoint_score (optional): ``(M, T, V)``

    Modified Keys:
        - imgs: ``n * T`` frames ``(c, c, C)`` (copies)
        - img_shape: ``(c, c)``
        - keypoint: ``(M, n * T, V, 2+)``, crop offsets subtracted
        - keypoint_score: ``(M, n * T, V)``

    Added Keys:
        - three_crop_offsets: ``(n, 2)`` int64 ``(x, y)`` of each crop

    Args:
        crop_size: Side ``c`` of the square crops.
        positions: Crops among ``'up_left'``, ``'up_right'``, ``'center'``,
            ``'down_left'`` and ``'down_right'``, in output order.
    """

    _POSITIONS = {
        'up_left': (0, 0),
        'up_right': (2, 0),
        'center': (1, 1),
        'down_left': (0, 2),
        'down_right': (2, 2)
    }

    def __init__(
        self,
        crop_size: int = 224,
        positions: Sequence[str] = ('up_left', 'center', 'down_right')
    ) -> None:
        unknown = set(positions) - set(self._POSITIONS)
        if unknown or not positions:
            raise ValueError(f'positions must be among '
                             f'{sorted(self._POSITIONS)}, got {positions}')
        if int(crop_size) <= 0:
            raise ValueError(f'crop_size must be > 0, got {crop_size}')
        self.crop_size, self.positions = int(crop_size), tuple(positions)

    def offsets(self, img_shape: tuple[int, int]) -> np.ndarray:
        """``(n, 2)`` ``(x, y)`` crop offsets in frames of ``(H, W)``."""
        h, w = img_shape[:2]
        c = self.crop_size
        if h < c or w < c:
            raise ValueError(f'frames {(h, w)} are smaller than crop_size '
                             f'{c}')
        steps = {0: (0, 0), 1: ((w - c) // 2, (h - c) // 2), 2: (w - c, h - c)}
        return np.array([(steps[px][0], steps[py][1])
                         for px, py in (self._POSITIONS[p]
                                        for p in self.positions)],
                        dtype=np.int64)

    def transform(self, results: dict) -> dict:
        """Crop ``results`` (see the class docstring)."""
        imgs, c = results['imgs'], self.crop_size
        offsets = self.offsets(imgs[0].shape)
        results['imgs'] = [
            img[oy:oy + c, ox:ox + c].copy() for ox, oy in offsets
            for img in imgs
        ]
        if results.get('keypoint') is not None:
            kp = np.asarray(results['keypoint'])
            shift = np.zeros((len(offsets), kp.shape[-1]), kp.dtype)
            shift[:, :2] = offsets
            results['keypoint'] = np.concatenate([kp - s for s in shift], 1)
        if results.get('keypoint_score') is not None:
            score = np.asarray(results['keypoint_score'])
            results['keypoint_score'] = np.concatenate([score] * len(offsets),
                                                       1)
        results['img_shape'] = (c, c)
        results['three_crop_offsets'] = offsets
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(crop_size={self.crop_size}, '
                f'positions={self.positions})')
