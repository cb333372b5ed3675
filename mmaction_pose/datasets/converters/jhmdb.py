# Copyright (c) mmaction-pose. All rights reserved.
"""JHMDB ``joint_positions.mat`` → mmaction2 ``PoseDataset`` annotations.

JHMDB (Jhuang et al., "Towards understanding action recognition", ICCV
2013) annotates 15 puppet joints per frame (:data:`JHMDB15` order) in
``joint_positions/<class>/<video>/joint_positions.mat``: ``pos_img``
``(2, 15, T)`` in pixels of the 320x240 frames, ``pos_world`` normalised,
plus ``scale`` / ``viewpoint``. Splits are
``splits/<class>_test_split<k>.txt`` with lines ``<video>.avi 1`` (train)
or ``<video>.avi 2`` (test), k = 1..3.

Pure functions; ``tools/data/jhmdb/convert.py`` is the command line.
Coordinates are kept as stored (no 1-based → 0-based shift).
"""
from __future__ import annotations

import os
import os.path as osp
from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import JHMDB15

JHMDB_IMG_SHAPE = (240, 320)
"""``(h, w)`` of every JHMDB video."""


class JHMDBFormatError(ValueError):
    """A ``joint_positions.mat`` file is missing fields or malformed."""


def load_jhmdb_joints(path: str) -> dict[str, Any]:
    """One ``joint_positions.mat`` → keypoint arrays of one person.

    Returns:
        ``keypoint (1, T, 15, 2)`` float32 pixels, ``keypoint_score
        (1, T, 15)`` (ones: every joint is annotated) and ``total_frames``.

    Raises:
        JHMDBFormatError: no ``pos_img`` of shape ``(2, 15, T)``.
    """
    from scipy.io import loadmat
    try:
        mat = loadmat(path)
    except Exception as e:  # scipy raises several types on corrupt files
        raise JHMDBFormatError(f'{path}: cannot read ({e})') from e
    pos = mat.get('pos_img')
    if pos is None or pos.ndim != 3 or pos.shape[:2] != (
            2, JHMDB15.num_joints):
        shape = None if pos is None else pos.shape
        raise JHMDBFormatError(
            f'{path}: expected pos_img of shape (2, {JHMDB15.num_joints}, '
            f'T), got {shape}')
    keypoint = np.ascontiguousarray(
        pos.transpose(2, 1, 0)[None].astype(np.float32))
    return dict(keypoint=keypoint,
                keypoint_score=np.ones(keypoint.shape[:3], np.float32),
                total_frames=int(keypoint.shape[1]))


def read_jhmdb_splits(split_dir: str, classes: list[str]
                      ) -> dict[str, list[str]]:
    """``train1``/``test1`` … ``train3``/``test3`` lists of video names."""
    splits: dict[str, list[str]] = {}
    for k in (1, 2, 3):
        train, test = [], []
        for name in classes:
            path = osp.join(split_dir, f'{name}_test_split{k}.txt')
            if not osp.isfile(path):
                continue
            with open(path) as f:
                for line in f:
                    parts = line.split()
                    if len(parts) != 2:
                        continue
                    video = osp.splitext(parts[0])[0]
                    (train if parts[1] == '1' else test).append(video)
        if train or test:
            splits[f'train{k}'], splits[f'test{k}'] = train, test
    return splits


SUB_JHMDB_CLASSES = ('catch', 'climb_stairs', 'golf', 'jump', 'kick_ball',
                     'pick', 'pullup', 'push', 'run', 'shoot_ball',
                     'swing_baseball', 'walk')
"""The 12 classes of Sub-JHMDB (316 clips, the whole body visible)."""


def convert_jhmdb(root: str, subset: str = 'full') -> dict[str, Any]:
    """A JHMDB folder → ``dict(split=..., annotations=...)``.

    Args:
        root: Folder with ``joint_positions/<class>/<video>/`` and
            (optionally) ``splits/`` (``sub_splits/`` for Sub-JHMDB).
        subset: ``'full'`` (21 classes) or ``'sub'``: Sub-JHMDB, the 12
            :data:`SUB_JHMDB_CLASSES` and only the clips of its split files
            (labels 0-11 in that order).

    Returns:
        Annotations with ``frame_dir = <video>``, ``label`` = index of the
        class in the sorted class names (also returned as ``classes``),
        ``img_shape = original_shape = (240, 320)``.
    """
    joint_dir = osp.join(root, 'joint_positions')
    if not osp.isdir(joint_dir):
        raise FileNotFoundError(f'{joint_dir} not found')
    if subset not in ('full', 'sub'):
        raise ValueError(f"subset must be 'full' or 'sub', got {subset!r}")
    classes = sorted(d for d in os.listdir(joint_dir)
                     if osp.isdir(osp.join(joint_dir, d)))
    keep = None
    if subset == 'sub':
        missing = [c for c in SUB_JHMDB_CLASSES if c not in classes]
        if missing:
            raise FileNotFoundError(
                f'{joint_dir}: Sub-JHMDB classes missing: {missing}')
        classes = list(SUB_JHMDB_CLASSES)
        split = read_jhmdb_splits(osp.join(root, 'sub_splits'), classes)
        if not split:
            raise FileNotFoundError(
                f'{osp.join(root, "sub_splits")}: no Sub-JHMDB split files '
                '(<class>_test_split<k>.txt)')
        keep = {v for videos in split.values() for v in videos}
    annotations = []
    for label, name in enumerate(classes):
        for video in sorted(os.listdir(osp.join(joint_dir, name))):
            if keep is not None and video not in keep:
                continue
            mat = osp.join(joint_dir, name, video, 'joint_positions.mat')
            if not osp.isfile(mat):
                continue
            anno = load_jhmdb_joints(mat)
            anno.update(frame_dir=video, label=label,
                        img_shape=JHMDB_IMG_SHAPE,
                        original_shape=JHMDB_IMG_SHAPE)
            annotations.append(anno)
    if keep is None:
        split = read_jhmdb_splits(osp.join(root, 'splits'), classes)
    if not split:
        split = dict(all=[a['frame_dir'] for a in annotations])
    return dict(split=split, annotations=annotations, classes=classes)
