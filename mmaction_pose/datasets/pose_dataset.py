# Copyright (c) mmaction-pose. All rights reserved.
"""``PoseDataset``: mmaction2's skeleton dataset with validated annotations.

A drop-in replacement (same arguments, same ``data_list``; parity test in
``tests/datasets/test_pose_dataset.py``) that checks the annotation file
while loading it against what the pipeline and the model need
(:mod:`.annotation_checks`; policy table: ``docs/data_validation.md``), so
a missing file, an unreadable pickle or a sample with a missing or invalid
field fails at dataset build time with one message naming the file, the
sample and the field, instead of a crash deep inside a dataloader worker
halfway through an epoch or a silently padded batch.
"""
from __future__ import annotations

import logging
import os.path as osp
import pickle
from typing import Any

import mmengine
from mmengine.logging import print_log

from mmaction.datasets import PoseDataset as _MMAPoseDataset
from mmaction_pose.registry import DATASETS
from mmaction_pose.utils.seeding import EpochSeed

from .annotation_checks import (AnnotationError, Repairs, check_feature_files,
                                check_joint_counts, check_pose, check_sample,
                                pipeline_joint_requirement, pipeline_needs,
                                split_annotations, where)
from .video_check import VIDEO_CHECKS, check_videos, pipeline_reads_video

__all__ = ['AnnotationError', 'PoseDataset', 'SampleError',
           'read_annotation_file', 'validate_annotation']


class SampleError(RuntimeError):
    """A pipeline transform failed on one sample (names the sample; the
    original exception is its ``__cause__``)."""


# How to make the annotation files our configs name (by folder under data/).
_HOW_TO_MAKE = {
    'synthetic': 'run `make data` (the embedded synthetic dataset)',
    'penn_action': 'run `python tools/data/penn_action/convert.py` on the '
    'Penn Action labels',
    'jhmdb': 'run `python tools/data/jhmdb/convert.py` on JHMDB',
    'nucla': 'run `make nucla-data` for the N-UCLA skeletons '
    '(tools/data/nucla/convert.py; the RGB pose pickles of the Action '
    'Machine configs come from tools/data/skeleton/extract_poses.py)',
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
    """Check one sample of a keypoint pipeline (``total_frames`` and, with
    ``need_keypoint``, ``keypoint``); see :func:`.annotation_checks.
    check_sample`, which also repairs NaN joints in place.

    Raises:
        AnnotationError: naming the file, the sample and the field.
    """
    needs = {'total_frames'} | ({'keypoint'} if need_keypoint else set())
    check_sample(anno, idx, ann_file, frozenset(needs), multi_class,
                 num_classes)


@DATASETS.register_module()
class PoseDataset(_MMAPoseDataset):
    """mmaction2's ``PoseDataset`` that validates its annotation file.

    Arguments and ``data_list`` are exactly mmaction2's
    (``mmaction.datasets.PoseDataset``). Additionally, when the file is
    loaded, every selected sample is checked against what the pipeline
    needs (:mod:`~mmaction_pose.datasets.annotation_checks`; the policy
    table is ``docs/data_validation.md``): labels against ``num_classes``
    (``tools/train.py`` passes the model head's), one joint count per
    dataset and the one the pipeline's layout needs, finite coordinates and
    scores in [0, 1] (NaN joints become missing joints, reported once per
    file), split ids that exist. The videos of an RGB (+ pose) dataset
    (``data_prefix=dict(video=...)``) and PA3D feature files are checked as
    ``video_check`` says (:mod:`~mmaction_pose.datasets.video_check`). An
    exception inside the pipeline is re-raised as :class:`SampleError`
    naming the sample (in dataloader workers too). In training mode the
    augmentation RNG of dataloader workers follows
    :meth:`set_epoch_seed` (``EpochSeedHook``, exact resume).

    Args:
        video_check: ``'frames'`` (default: each video exists, opens and
            has >= ``total_frames`` frames; each feature file opens),
            ``'exists'`` or ``'none'``; used when there is a ``video`` data
            prefix and the pipeline reads videos (``pipeline_reads_video``),
            or the pipeline loads feature maps.
        missing_split_ids: ``'error'`` (default) or ``'warn'``: what an id
            of the ``split`` list without an annotation is.
        **kwargs: mmaction2's ``PoseDataset`` arguments.

    Raises:
        AnnotationError: missing or unreadable file, wrong structure, an
            unknown ``split``, or a sample with a missing or invalid field.
        OSError: a missing, unreadable or too short video or feature file.
    """

    def __init__(self, *args, video_check: str = 'frames',
                 missing_split_ids: str = 'error', **kwargs) -> None:
        if video_check not in VIDEO_CHECKS:
            raise ValueError(f'video_check must be one of {VIDEO_CHECKS}, '
                             f'got {video_check!r}')
        if missing_split_ids not in ('error', 'warn'):
            raise ValueError("missing_split_ids must be 'error' or 'warn', "
                             f'got {missing_split_ids!r}')
        self.video_check = video_check
        self.missing_split_ids = missing_split_ids
        self._epoch_seed = EpochSeed()
        super().__init__(*args, **kwargs)

    def set_epoch_seed(self, seed: int, epoch: int, rank: int = 0) -> None:
        """Seed the augmentation of ``epoch`` in every dataloader worker
        (each reseeds before its first sample of the epoch)."""
        self._epoch_seed.set(seed, epoch, rank)

    def get_data_info(self, idx: int) -> dict:
        info = super().get_data_info(idx)
        if getattr(self, '_check_loaded_pose', False):
            check_pose(info, idx, self.ann_file)
        return info

    def prepare_data(self, idx: int) -> Any:
        if not self.test_mode:
            self._epoch_seed.reseed_worker()
        try:
            return super().prepare_data(idx)
        except Exception as err:
            try:
                info = self.get_data_info(idx)
            except Exception:  # noqa: BLE001  (the message still helps)
                info = {}
            # Name it by its position in the file, as load-time errors do.
            file_idx = getattr(self, '_file_index', {}).get(_name(info), idx)
            raise SampleError(
                f'{where(self.ann_file, file_idx, info)}: '
                f'{type(err).__name__}: {err}') from err

    def load_data_list(self) -> list[dict]:
        ann_file = self.ann_file
        if self.multi_class and self.num_classes is None:
            raise AnnotationError(f'annotation file {ann_file!r}: '
                                  'multi_class=True needs num_classes')
        annos, selected = split_annotations(
            read_annotation_file(ann_file), self.split, ann_file,
            self.missing_split_ids)
        needs = pipeline_needs(self.pipeline)
        reads_video = 'video' in self.data_prefix and \
            pipeline_reads_video(self.pipeline)
        if reads_video:
            needs |= {'total_frames'}
        # Per-video skeleton files: keypoints are checked when
        # get_data_info loads them.
        self._check_loaded_pose = 'skeleton' in self.data_prefix and \
            'keypoint' in needs
        if 'skeleton' in self.data_prefix:
            needs -= {'keypoint'}
        repairs = Repairs()
        for idx in selected:
            repairs.add(
                check_sample(annos[idx], idx, ann_file, needs,
                             self.multi_class, self.num_classes))
        items = [(idx, annos[idx]) for idx in selected]
        if 'keypoint' in needs:
            check_joint_counts(items, ann_file,
                               pipeline_joint_requirement(self.pipeline))
        summary = repairs.summary(ann_file)
        if summary:
            print_log(summary, logger='current', level=logging.WARNING)
        mode = self.video_check
        check_feature_files(items, self.pipeline, mode, ann_file)
        data_list = [annos[idx] for idx in selected]
        if 'video' in self.data_prefix:
            for item in data_list:
                for key in ('filename', 'frame_dir'):
                    if key in item:
                        item[key] = osp.join(self.data_prefix['video'],
                                             item[key])
            if reads_video:
                check_videos(
                    data_list, mode,
                    lambda i, item: where(ann_file, selected[i], item))
        self._file_index = {
            _name(item): idx
            for idx, item in zip(selected, data_list)
        }
        return data_list


def _name(info: Any) -> Any:
    return info.get('frame_dir', info.get('filename')) \
        if isinstance(info, dict) else None
