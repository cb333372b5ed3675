# Copyright (c) mmaction-pose. All rights reserved.
"""Pipelines that feed joint coordinate sequences (not heatmaps) to a
model, written once for every dataset config
(``configs/_base_/datasets/*_gcn.py``, ``*_baseline1d.py`` and the bone
leaves call them through ``__import__``; mmengine would treat an import
statement as a lazy config).

* :func:`gcn_pipeline`: mmaction2's ST-GCN++ / 2s-AGCN 2D recipe
  (``configs/skeleton/stgcnpp/*-keypoint-2d.py``): ``PreNormalize2D``,
  ``GenSkeFeat(dataset='coco', feats=['j'])`` (x, y, score; for the joint
  stream the dataset name only selects the 2D + score convention, no COCO
  joint is assumed), ``UniformSampleFrames``, ``PoseDecode``,
  ``FormatGCNInput``. The bone stream adds ``LayoutJointToBone`` for the
  layout, since mmaction2's bones know only its own three skeletons.
* :func:`motion_pipeline`: the 1D temporal CNN baseline's input,
  ``PoseMotionFeatures`` (body-normalized joints and velocities) per
  sampled clip; the clips come from ``UniformSampleFrames`` or, with
  ``sampling='interpolate'``, from ``InterpolateSampleFrames``
  (whole-sequence linear-interpolation resampling).
"""
from __future__ import annotations

FEATS = ('j', 'b')
SAMPLINGS = ('uniform', 'interpolate')


def _sampling(test_mode: bool, clip_len: int, num_clips: int) -> dict:
    if test_mode:
        return dict(type='UniformSampleFrames', clip_len=clip_len,
                    num_clips=num_clips, test_mode=True)
    return dict(type='UniformSampleFrames', clip_len=clip_len)


def sampling_steps(test_mode: bool, clip_len: int, num_clips: int = 1,
                   sampling: str = 'uniform') -> list[dict]:
    """The temporal sampling steps of a pose pipeline (1D baseline and
    PoseC3D recipe alike).

    Args:
        test_mode: Deterministic clips (validation / test).
        clip_len: Frames per clip.
        num_clips: Clips per video (test mode).
        sampling: ``'uniform'``: ``UniformSampleFrames`` + ``PoseDecode``
            (one random frame per segment); ``'interpolate'``:
            ``InterpolateSampleFrames`` (the whole video linearly
            resampled to ``clip_len`` positions, deterministic in training,
            spread phases for ``num_clips`` test clips).

    Returns:
        The step configs.
    """
    if sampling not in SAMPLINGS:
        raise ValueError(
            f'sampling must be one of {SAMPLINGS}, got {sampling!r}')
    if sampling == 'interpolate':
        return [dict(type='InterpolateSampleFrames', clip_len=clip_len,
                     num_clips=num_clips, test_mode=test_mode)]
    return [_sampling(test_mode, clip_len, num_clips),
            dict(type='PoseDecode')]


def gcn_pipeline(test_mode: bool,
                 feats: str = 'j',
                 layout: str | None = None,
                 clip_len: int = 100,
                 num_clips: int = 1,
                 num_person: int = 1) -> list[dict]:
    """Transform configs of a GCN (``RecognizerGCN``) dataset.

    Args:
        test_mode: Evenly spaced, seeded clips (validation / test).
        feats: ``'j'`` joints (x, y, score) or ``'b'`` bones.
        layout: Skeleton layout name; needed for bones.
        clip_len: Frames per clip (mmaction2: 100).
        num_clips: Clips per video at test (mmaction2: 10; validation 1).
        num_person: Persons kept or zero-padded per clip (mmaction2: 2 for
            NTU; 1 for the single-person Penn Action and N-UCLA).

    Returns:
        The steps, ending with ``FormatGCNInput`` and ``PackActionInputs``;
        the input is ``(num_clips, num_person, clip_len, V, 3)``.
    """
    if feats not in FEATS:
        raise ValueError(f'feats must be one of {FEATS}, got {feats!r}')
    if feats == 'b' and layout is None:
        raise ValueError("feats='b' needs the skeleton layout")
    steps = [
        dict(type='PreNormalize2D'),
        dict(type='GenSkeFeat', dataset='coco', feats=['j']),
    ]
    if feats == 'b':
        steps.append(dict(type='LayoutJointToBone', layout=layout))
    return steps + [
        _sampling(test_mode, clip_len, num_clips),
        dict(type='PoseDecode'),
        dict(type='FormatGCNInput', num_person=num_person),
        dict(type='PackActionInputs')
    ]


def motion_pipeline(test_mode: bool,
                    clip_len: int = 32,
                    num_clips: int = 1,
                    num_person: int = 1,
                    sampling: str = 'uniform') -> list[dict]:
    """Transform configs of the 1D temporal CNN baseline
    (``TemporalCNN1D`` in a ``RecognizerGCN``).

    Args:
        test_mode: Evenly spaced, seeded clips (validation / test).
        clip_len: Frames per clip.
        num_clips: Clips per video at test.
        num_person: Persons kept or zero-padded per clip.
        sampling: ``'uniform'`` or ``'interpolate'``
            (:func:`sampling_steps`).

    Returns:
        The steps; the input is ``(num_clips, num_person, clip_len, V, 4)``
        (normalized x, y and their velocities).
    """
    return sampling_steps(test_mode, clip_len, num_clips, sampling) + [
        dict(type='PoseMotionFeatures'),
        dict(type='FormatGCNInput', num_person=num_person),
        dict(type='PackActionInputs')
    ]


def motion_dataloader_overrides(clip_len: int = 32, num_person: int = 1,
                                num_test_clips: int = 10,
                                sampling: str = 'uniform') -> dict:
    """What a 1D-baseline dataset base changes in the dataloaders of the
    GCN base it inherits (:func:`gcn_dataloaders`): the
    :func:`motion_pipeline` of each split (``sampling``: its argument),
    for ``globals()``.

    Returns:
        ``dict(clip_len=..., train_dataloader=..., val_dataloader=...,
        test_dataloader=...)`` (partial dicts that mmengine merges into the
        base's).
    """
    args = dict(clip_len=clip_len, num_person=num_person, sampling=sampling)
    return dict(
        clip_len=clip_len,
        train_dataloader=dict(dataset=dict(dataset=dict(
            pipeline=motion_pipeline(False, **args)))),
        val_dataloader=dict(dataset=dict(
            pipeline=motion_pipeline(True, **args))),
        test_dataloader=dict(dataset=dict(pipeline=motion_pipeline(
            True, num_clips=num_test_clips, **args))))


def gcn_dataloaders(ann_file: str, train_split: str, test_split: str,
                    clip_len: int = 100, num_person: int = 1,
                    num_test_clips: int = 10, batch_size: int = 16,
                    num_workers: int = 2,
                    dataset_type: str = 'PoseDataset') -> dict:
    """The three dataloaders of a GCN dataset base (joint stream).

    Training wraps the split in ``RepeatDataset(times=1)`` (mmaction2's
    recipes repeat it 5x; leaves may raise ``times``); validation uses one
    clip, testing ``num_test_clips`` with batch 1.

    Returns:
        ``dict(train=..., val=..., test=...)``, dataloader config dicts.
    """
    args = dict(clip_len=clip_len, num_person=num_person)

    def loader(dataset: dict, shuffle: bool, batch: int) -> dict:
        return dict(batch_size=batch, num_workers=num_workers,
                    persistent_workers=True,
                    sampler=dict(type='DefaultSampler', shuffle=shuffle),
                    dataset=dataset)

    def split(name: str, pipeline: list, **kwargs) -> dict:
        return dict(type=dataset_type, ann_file=ann_file, split=name,
                    pipeline=pipeline, **kwargs)

    train = dict(type='RepeatDataset', times=1,
                 dataset=split(train_split, gcn_pipeline(False, **args)))
    return dict(
        train=loader(train, True, batch_size),
        val=loader(split(test_split, gcn_pipeline(True, **args),
                         test_mode=True), False, batch_size),
        test=loader(split(test_split, gcn_pipeline(
            True, num_clips=num_test_clips, **args), test_mode=True),
            False, 1))
