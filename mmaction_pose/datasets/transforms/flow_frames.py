# Copyright (c) mmaction-pose. All rights reserved.
"""Optical-flow rawframes (``tools/data/extract_flow.py``) in a PoseDataset.

mmaction2 1.2 reads flow rawframes with ``RawFrameDecode`` when
``results['modality'] == 'Flow'``, but nothing in a ``PoseDataset`` sample
gets it there:

- ``PoseDataset.__init__`` passes ``modality='Pose'`` to
  ``BaseActionDataset`` itself (a ``modality=`` keyword is a ``TypeError``),
  and only ``RawframeDataset`` adds ``filename_tmpl`` to a sample;
- the flow files are numbered from 1 (``start_index=1``, ``RawframeDataset``'s
  default), so ``SampleFrames`` returns 1-based file indices, while the
  keypoints are indexed from 0 (entry ``j`` is video frame ``j``, the source
  frame of flow file ``j + 1``): mmaction2's ``PoseDecode`` selects
  ``keypoint[:, frame_inds]``, one frame late, and past the end for the last
  flow file;
- mmaction2's ``Flip`` negates flow x by inverting every *second image*
  (``imgs[0::2]``, both channels), the layout before ``RawFrameDecode`` began
  stacking x and y into one ``(H, W, 2)`` image (open-mmlab/mmaction2#2631);
  on stacked frames it negates x *and* y of every other frame and leaves the
  rest untouched.

Hence three small transforms: :class:`RawFramesInit` (before
``SampleFrames``), :class:`FlowPoseDecode` and :class:`FlowFlip`, used by
``configs/_base_/datasets/penn_action_rendered/flow.py``.
"""
from __future__ import annotations

import mmcv
import numpy as np
from mmaction.datasets.transforms import Flip, PoseDecode
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS


@TRANSFORMS.register_module()
class RawFramesInit(BaseTransform):
    """Mark a PoseDataset sample as rawframes for ``SampleFrames`` and
    ``RawFrameDecode`` (flow by default, or RGB image files).

    Put it before ``SampleFrames``. The flow defaults are what
    ``tools/data/extract_flow.py`` writes: ``flow_x_00001.jpg``,
    ``flow_y_00001.jpg``, ...; RGB frames e.g. ``modality='RGB',
    filename_tmpl='{:05d}.png'`` (JHMDB) or ``'{:06d}.jpg'`` (Penn Action).

    Required Keys:
        - frame_dir: the folder of the files (PoseDataset prefixes it with
          ``data_prefix['video']``)

    Modified Keys:
        - start_index: replaced, whatever the dataset set, so that the
          sampled indices are file indices

    Added Keys:
        - modality: ``'Flow'`` or ``'RGB'``
        - filename_tmpl

    Args:
        modality: ``'Flow'`` or ``'RGB'``.
        filename_tmpl: Flow: file name of component ``{}`` (``'x'`` or
            ``'y'``) of flow field ``{}`` (an index); RGB: of frame ``{}``.
        start_index: Index of the first file.
    """

    def __init__(self, modality: str = 'Flow',
                 filename_tmpl: str = 'flow_{}_{:05d}.jpg',
                 start_index: int = 1) -> None:
        if modality not in ('Flow', 'RGB'):
            raise ValueError(
                f"modality must be 'Flow' or 'RGB', got {modality!r}")
        fields = ('x', start_index) if modality == 'Flow' else (start_index, )
        try:
            filename_tmpl.format(*fields)
        except (IndexError, KeyError, ValueError) as e:
            raise ValueError(
                f'filename_tmpl needs {len(fields)} field(s) for {modality}'
                f' (component and index for flow): {filename_tmpl!r}') from e
        if start_index < 0:
            raise ValueError(f'start_index must be >= 0, got {start_index}')
        self.modality = modality
        self.filename_tmpl = filename_tmpl
        self.start_index = start_index

    def transform(self, results: dict) -> dict:
        results['modality'] = self.modality
        results['filename_tmpl'] = self.filename_tmpl
        results['start_index'] = self.start_index
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(modality={self.modality!r}, '
                f'filename_tmpl={self.filename_tmpl!r}, '
                f'start_index={self.start_index})')


@TRANSFORMS.register_module()
class FlowPoseDecode(PoseDecode):
    """``PoseDecode`` for frame indices that count from ``start_index``.

    Selects ``keypoint[:, frame_inds + offset - start_index]`` (mmaction2's
    ``PoseDecode``: ``keypoint[:, frame_inds + offset]``), so that flow file
    ``k`` gets the keypoints of its source frame ``k - 1``. With
    ``start_index == 0`` it is ``PoseDecode``.

    Required Keys:
        - keypoint: ``(M, T, V, 2)``
        - frame_inds: ``(N,)`` indices from ``start_index``
        - start_index
        - offset (optional)
        - keypoint_score (optional): ``(M, T, V)``

    Modified Keys:
        - keypoint: ``(M, N, V, 2)``
        - keypoint_score (optional): ``(M, N, V)``

    Raises:
        IndexError: an index outside ``[0, T)`` after the shift (a dataset
            whose ``total_frames`` and keypoints disagree).
    """

    def transform(self, results: dict) -> dict:
        inds = np.asarray(results['frame_inds']).reshape(-1)
        inds = inds + results.get('offset', 0) - results['start_index']
        num_frames = results['keypoint'].shape[1]
        if inds.size and (inds.min() < 0 or inds.max() >= num_frames):
            raise IndexError(
                f'frame indices {inds.min()}..{inds.max()} (after '
                f"start_index={results['start_index']}) outside the "
                f"{num_frames} keypoint frames of {results.get('frame_dir')}")
        results['keypoint'] = self._load_kp(results['keypoint'], inds)
        if 'keypoint_score' in results:
            results['keypoint_score'] = self._load_kpscore(
                results['keypoint_score'], inds)
        return results

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}()'


@TRANSFORMS.register_module()
class FlowFlip(Flip):
    """mmaction2's ``Flip`` that negates flow x of stacked flow frames.

    The same arguments and keys as ``Flip`` (keypoints are mirrored and
    ``left_kp`` / ``right_kp`` swapped). For ``modality == 'Flow'`` each
    image is one ``(H, W, 2)`` flow field (x, y) as ``RawFrameDecode``
    stacks them; a flip mirrors it and inverts the x channel
    (``255 - x``, the negated flow under the symmetric quantisation of
    ``tools/data/extract_flow.py``). Other modalities: ``Flip``.
    """

    def _flip_imgs(self, imgs: list[np.ndarray],
                   modality: str) -> list[np.ndarray]:
        if modality != 'Flow':
            return super()._flip_imgs(imgs, modality)
        out = []
        for img in imgs:
            if img.ndim != 3 or img.shape[-1] != 2:
                raise ValueError('FlowFlip expects (H, W, 2) flow frames, '
                                 f'got {img.shape}')
            img = mmcv.imflip(img, self.direction).copy()
            img[..., 0] = 255 - img[..., 0]
            out.append(img)
        return out
