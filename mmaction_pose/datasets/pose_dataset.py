# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseDataset``: mmaction2's skeleton dataset with validated annotations.

A drop-in replacement (same arguments, same ``data_list``; parity test in
``tests/datasets/test_pose_dataset.py``) that checks the annotation file
while loading it, so a missing file, an unreadable pickle or a sample that
lacks a field fails at dataset build time with one message naming the file,
the sample and the field, instead of a ``KeyError`` deep inside a
dataloader worker halfway through an epoch.
"""
from __future__ import annotations

import os.path as osp
import pickle
from collections.abc import Mapping, Sequence
from typing import Any

import mmengine
import numpy as np

from mmaction.datasets import PoseDataset as _MMAPoseDataset
from mmaction_pose.registry import DATASETS

from .video_check import VIDEO_CHECKS, check_videos, pipeline_reads_video


class AnnotationError(ValueError):
    """A skeleton annotation file or one of its samples is invalid."""


class SampleError(RuntimeError):
    """A pipeline transform failed on one sample (names the sample; the
    original exception is its ``__cause__``)."""


def _where(ann_file: str, idx: int | None, anno: Any) -> str:
    if idx is None:
        return f'annotation file {ann_file!r}'
    name = None
    if isinstance(anno, Mapping):
        name = anno.get('frame_dir', anno.get('filename'))
    return (f'annotation file {ann_file!r}, sample #{idx}'
            + (f' (frame_dir={name!r})' if name is not None else ''))


# How to make the annotation files our configs name (by folder under data/).
_HOW_TO_MAKE = {
    'synthetic': 'run `make data` (the embedded synthetic dataset)',
    'penn_action': 'run `python tools/data/penn_action/convert.py` on the '
    'Penn Action labels',
    'jhmdb': 'run `python tools/data/jhmdb/convert.py` on JHMDB',
    'skeleton': "download mmaction2's pose pickles, see "
    'configs/posec3d/README.md#data',
}


def missing_file_hint(ann_file: str) -> str:
    """What to do about a missing annotation file, by its data/ folder."""
    parts = osp.normpath(str(ann_file)).split(osp.sep)
    for folder, how in _HOW_TO_MAKE.items():
        if folder in parts[:-1]:
            return how
    return ('build one with `python tools/data/skeleton/extract_poses.py` '
            'from your videos')


def read_annotation_file(ann_file: str) -> Any:
    """Load a PoseDataset pickle, raising :class:`AnnotationError`."""
    if not str(ann_file).endswith('.pkl'):
        raise AnnotationError(
            f'annotation file {ann_file!r}: expected a .pkl PoseDataset file')
    if not osp.isfile(ann_file):
        raise AnnotationError(
            f'annotation file {ann_file!r} does not exist (check `ann_file` '
            f'in the config; to make it, {missing_file_hint(ann_file)})')
    try:
        return mmengine.load(ann_file)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError,
            IndexError, ValueError, TypeError, OSError) as err:
        raise AnnotationError(
            f'annotation file {ann_file!r} cannot be read as a pickle: '
            f'{type(err).__name__}: {err}') from err


def validate_annotation(anno: Any,
                        idx: int,
                        ann_file: str,
                        need_keypoint: bool = True,
                        multi_class: bool = False,
                        num_classes: int | None = None) -> None:
    """Check one PoseDataset sample; raise :class:`AnnotationError`.

    Required fields: ``frame_dir`` (or ``filename``), ``total_frames``,
    ``label`` and, unless skeletons live in separate files
    (``data_prefix['skeleton']``, Kinetics format), ``keypoint`` of shape
    ``(M, T, V, C)`` with ``T == total_frames``; ``keypoint_score``, when
    present, must be ``(M, T, V)``.
    """

    def fail(field: str, problem: str) -> None:
        raise AnnotationError(
            f'{_where(ann_file, idx, anno)}: field {field!r} {problem}')

    if not isinstance(anno, Mapping):
        raise AnnotationError(f'{_where(ann_file, idx, None)}: expected a '
                              f'dict, got {type(anno).__name__}')
    if 'frame_dir' not in anno and 'filename' not in anno:
        fail('frame_dir', 'is missing (nor is there a `filename`)')
    for field in ('total_frames', 'label'):
        if field not in anno:
            fail(field, 'is missing')
    total = anno['total_frames']
    if not isinstance(total, (int, np.integer)) or total <= 0:
        fail('total_frames', f'must be a positive int, got {total!r}')
    label = anno['label']
    if multi_class:
        if not isinstance(label, (Sequence, np.ndarray)) or isinstance(
                label, str):
            fail('label', f'must be a list of class ids, got {label!r}')
    else:
        if not isinstance(label, (int, np.integer)) or label < 0:
            fail('label', f'must be a non-negative int, got {label!r}')
        if num_classes is not None and label >= num_classes:
            fail('label', f'is {label}, but num_classes={num_classes}')
    if not need_keypoint:
        return
    if 'keypoint' not in anno:
        fail('keypoint', 'is missing')
    kp = anno['keypoint']
    if not isinstance(kp, np.ndarray) or kp.ndim != 4 or \
            kp.shape[-1] not in (2, 3):
        shape = getattr(kp, 'shape', type(kp).__name__)
        fail('keypoint', f'must be an (M, T, V, 2|3) array, got {shape}')
    if kp.shape[1] != total:
        fail('keypoint', f'has {kp.shape[1]} frames but total_frames='
             f'{total}')
    if 'keypoint_score' in anno:
        score = anno['keypoint_score']
        if not isinstance(score, np.ndarray) or score.shape != kp.shape[:3]:
            shape = getattr(score, 'shape', type(score).__name__)
            fail('keypoint_score',
                 f'must have shape {kp.shape[:3]} (M, T, V), got {shape}')


@DATASETS.register_module()
class PoseDataset(_MMAPoseDataset):
    """mmaction2's ``PoseDataset`` that validates its annotation file.

    Arguments and ``data_list`` are exactly mmaction2's
    (``mmaction.datasets.PoseDataset``). Additionally every sample is checked
    by :func:`validate_annotation` when the file is loaded, the videos of an
    RGB (+ pose) dataset (``data_prefix=dict(video=...)``) are checked as
    ``video_check`` says (:mod:`~mmaction_pose.datasets.video_check`), and
    an exception inside the pipeline is re-raised as :class:`SampleError`
    naming the sample (in dataloader workers too).

    Args:
        video_check: ``'frames'`` (default: each video exists, opens and
            has >= ``total_frames`` frames), ``'exists'`` or ``'none'``;
            used when there is a ``video`` data prefix and the pipeline
            reads videos (``pipeline_reads_video``).
        **kwargs: mmaction2's ``PoseDataset`` arguments.

    Raises:
        AnnotationError: missing or unreadable file, wrong structure, an
            unknown ``split``, or a sample lacking a required field.
        OSError: a missing, unreadable or too short video.
    """

    def __init__(self, *args, video_check: str = 'frames',
                 **kwargs) -> None:
        if video_check not in VIDEO_CHECKS:
            raise ValueError(f'video_check must be one of {VIDEO_CHECKS}, '
                             f'got {video_check!r}')
        self.video_check = video_check
        super().__init__(*args, **kwargs)

    def prepare_data(self, idx: int) -> Any:
        try:
            return super().prepare_data(idx)
        except Exception as err:
            try:
                info = self.get_data_info(idx)
            except Exception:  # noqa: BLE001  (the message still helps)
                info = {}
            raise SampleError(
                f'{_where(self.ann_file, idx, info)}: '
                f'{type(err).__name__}: {err}') from err

    def load_data_list(self) -> list[dict]:
        ann_file = self.ann_file
        data = read_annotation_file(ann_file)
        if self.split is not None:
            if not isinstance(data, Mapping) or 'split' not in data \
                    or 'annotations' not in data:
                raise AnnotationError(
                    f'annotation file {ann_file!r}: `split={self.split!r}` '
                    "needs a dict with 'split' and 'annotations' keys, got "
                    f'{type(data).__name__}'
                    + (f' with keys {sorted(data)}'
                       if isinstance(data, Mapping) else ''))
            if self.split not in data['split']:
                raise AnnotationError(
                    f'annotation file {ann_file!r}: unknown split '
                    f"{self.split!r}; available: {sorted(data['split'])}")
            annos = data['annotations']
        else:
            if isinstance(data, Mapping) and 'annotations' in data:
                annos = data['annotations']
            else:
                annos = data
        if not isinstance(annos, Sequence) or isinstance(annos, str):
            raise AnnotationError(
                f'annotation file {ann_file!r}: expected a list of samples, '
                f'got {type(annos).__name__}')
        need_kp = 'skeleton' not in self.data_prefix
        num_classes = getattr(self, 'num_classes', None)
        for idx, anno in enumerate(annos):
            validate_annotation(anno, idx, ann_file, need_kp,
                                self.multi_class, num_classes)
        if self.split is not None:
            # Same selection as mmaction2's PoseDataset.load_data_list.
            identifier = 'filename' if annos and 'filename' in annos[0] \
                else 'frame_dir'
            keep = set(data['split'][self.split])
            annos = [x for x in annos if x[identifier] in keep]
        else:
            annos = list(annos)
        if 'video' in self.data_prefix:
            for item in annos:
                for key in ('filename', 'frame_dir'):
                    if key in item:
                        item[key] = osp.join(self.data_prefix['video'],
                                             item[key])
            if pipeline_reads_video(self.pipeline):
                check_videos(annos, getattr(self, 'video_check', 'frames'),
                             lambda i, item: _where(ann_file, i, item))
        return annos
