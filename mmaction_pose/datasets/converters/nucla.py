# Copyright (c) mmaction-pose. All rights reserved.
"""N-UCLA Kinect v1 skeletons → mmaction2 ``PoseDataset`` annotations.

Northwestern-UCLA Multiview Action 3D (Wang et al., "Cross-view Action
Modeling, Learning and Recognition", CVPR 2014): 10 actions by 10 subjects,
seen by 3 Kinect v1 cameras. The skeleton release used by CTR-GCN and
others has one JSON file per sequence, ``<file_name>.json`` =
``{"file_name": "a01_s01_e00_v01", "skeletons": [T][20][3], "label": 1..10}``
(action ``aNN``, subject ``sNN``, repetition ``eNN``, view ``vNN``), the 20
joints in :data:`~mmaction_pose.structures.KINECT20` order, in camera
coordinates (metres).

2D joints are the pinhole projection a 2D pose model would see in the
Kinect's 640x480 colour frame, with the usual Kinect v1 intrinsics
(:func:`project_kinect_v1`); the 3D joints are kept as ``keypoint_3d`` and
the intrinsics as ``camera_intrinsics`` (``RandomCameraView`` turns the 3D
skeleton and projects it again: new training views).

Protocols (Wang et al.; Action Machine, Table 5): ``xview<N>`` tests on view
``N`` and trains on the other two views (``xview3``: 1019 / 463 sequences
after dropping the two single-frame ones).

Two pure functions do the work; ``tools/data/nucla/convert.py`` is the
command line around them:

* :func:`load_nucla_sequence`: one JSON file → one annotation dict;
* :func:`convert_nucla`: files → ``dict(split=..., annotations=...)`` and
  the list of dropped sequences.
"""
from __future__ import annotations

import json
import os
import os.path as osp
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NoReturn

import numpy as np

from mmaction_pose.datasets.transforms.functional.camera_view import \
    project_pinhole
from mmaction_pose.structures.skeleton_layouts import KINECT20

NUCLA_CLASSES: tuple[str, ...] = (
    'pick up with one hand', 'pick up with two hands', 'drop trash',
    'walk around', 'sit down', 'stand up', 'donning', 'doffing', 'throw',
    'carry')
"""The 10 class names; class id ``i`` is label ``i + 1`` of the files."""

NUCLA_ACTION_IDS: tuple[int, ...] = (1, 2, 3, 4, 5, 6, 8, 9, 11, 12)
"""The ``aNN`` action id of every class (the release skips a07, a10)."""

NUCLA_IMG_SHAPE: tuple[int, int] = (480, 640)
"""(H, W) of the Kinect v1 colour frame the joints are projected into."""

KINECT_V1_INTRINSICS: dict[str, float] = dict(
    fx=525., fy=525., cx=319.5, cy=239.5)
"""Pinhole intrinsics of the Kinect v1 colour camera (pixels)."""

NUCLA_VIEWS: tuple[int, ...] = (1, 2, 3)

MIN_FRAMES = 2
"""Sequences with fewer frames are dropped (no motion to classify)."""

_NAME = re.compile(r'a(\d{2})_s(\d{2})_e(\d{2})_v(\d{2})')


class NUCLAFormatError(ValueError):
    """An N-UCLA skeleton file or folder is missing or malformed."""


def nucla_splits(views: Sequence[int] = NUCLA_VIEWS) -> dict[str, tuple]:
    """``{'xview1_train': (2, 3), 'xview1_test': (1,), ...}``: the views of
    every cross-view split."""
    out = {}
    for test in views:
        out[f'xview{test}_train'] = tuple(v for v in views if v != test)
        out[f'xview{test}_test'] = (test, )
    return out


def parse_nucla_name(name: str) -> dict[str, int]:
    """``'a01_s02_e03_v01'`` → ``dict(action=1, subject=2, repetition=3,
    view=1)``.

    Raises:
        NUCLAFormatError: the name does not match ``aNN_sNN_eNN_vNN`` or
            the view is not 1-3.
    """
    match = _NAME.fullmatch(name) if isinstance(name, str) else None
    if match is None:
        raise NUCLAFormatError(
            f'{name!r} does not match aNN_sNN_eNN_vNN (action, subject, '
            'repetition, view)')
    action, subject, repetition, view = (int(g) for g in match.groups())
    if view not in NUCLA_VIEWS:
        raise NUCLAFormatError(f'{name!r}: view {view} is not one of '
                               f'{list(NUCLA_VIEWS)}')
    return dict(action=action, subject=subject, repetition=repetition,
                view=view)


def project_kinect_v1(xyz: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pinhole projection of camera coordinates into the colour frame.

    ``u = fx * x / z + cx``, ``v = -fy * y / z + cy`` (:data:`KINECT_V1_
    INTRINSICS`; the camera's y axis points up, the image's down).

    Args:
        xyz: ``(..., 3)`` joints in metres.

    Returns:
        ``(..., 2)`` float32 pixels ``(u, v)`` and the ``(...)`` bool mask
        of projectable joints (finite, ``z > 0``); unprojectable joints are
        ``(0, 0)``.
    """
    return project_pinhole(xyz, **KINECT_V1_INTRINSICS)


def _skeletons(value: Any, fail: Callable[[str], NoReturn]) -> np.ndarray:
    """``[T][20][3]`` numbers → ``(T, 20, 3)`` float64 (JSON ``null``:
    NaN), or ``fail`` naming the first bad frame."""
    joints = KINECT20.num_joints
    if not isinstance(value, list):
        fail(f'must be a list of frames, got {type(value).__name__}')
    if not value:
        return np.zeros((0, joints, 3))
    try:
        arr = np.asarray(value, np.float64)
    except (ValueError, TypeError):
        arr = np.zeros(0)
    if arr.shape[1:] == (joints, 3):
        return arr
    for t, frame in enumerate(value):
        if not isinstance(frame, list) or len(frame) != joints:
            size = len(frame) if isinstance(frame, list) else \
                type(frame).__name__
            fail(f'frame {t} has {size} joints, expected {joints} '
                 '(Kinect v1)')
        for j, joint in enumerate(frame):
            if not isinstance(joint, list) or len(joint) != 3 or not all(
                    c is None or isinstance(c, (int, float))
                    for c in joint):
                fail(f'frame {t}, joint {j} must be 3 numbers (x, y, z), '
                     f'got {joint!r}')
    fail(f'must be [T][{joints}][3] numbers')


def load_nucla_sequence(path: str,
                        classes: Sequence[str] = NUCLA_CLASSES) -> dict:
    """Read one N-UCLA skeleton file as a ``PoseDataset`` annotation.

    Args:
        path: A ``<file_name>.json`` file.
        classes: Class names (label ``i + 1`` of the file is class ``i``).

    Returns:
        A dict with ``frame_dir`` (the file name), ``label`` (0-based),
        ``total_frames`` (T, possibly below :data:`MIN_FRAMES`),
        ``img_shape`` = ``original_shape`` = (480, 640), ``keypoint``
        ``(1, T, 20, 2)`` float32 pixels (:func:`project_kinect_v1`; (0, 0)
        where unprojectable), ``keypoint_score`` ``(1, T, 20)`` float32 (1,
        or 0 where unprojectable), ``keypoint_3d`` ``(1, T, 20, 3)``
        float32 metres as stored, ``camera_intrinsics`` (a copy of
        :data:`KINECT_V1_INTRINSICS`), ``subject`` and ``view``.

    Raises:
        NUCLAFormatError: the file is missing or not JSON, a field is
            missing or malformed (name not ``aNN_sNN_eNN_vNN`` or not the
            file's name, label outside 1-10 or not the name's action, a
            frame without 20 joints of 3 numbers); the message names the
            file and the field.
    """

    def failer(field: str) -> Callable[[str], NoReturn]:

        def fail(problem: str) -> NoReturn:
            raise NUCLAFormatError(f'{path}: field {field!r} {problem}')

        return fail

    if not osp.isfile(path):
        raise NUCLAFormatError(f'{path}: skeleton file does not exist')
    try:
        with open(path, encoding='utf-8') as f:
            data = json.load(f)
    except (ValueError, UnicodeDecodeError) as err:
        raise NUCLAFormatError(
            f'{path}: not a readable JSON skeleton file '
            f'({type(err).__name__}: {err})') from err
    if not isinstance(data, dict):
        raise NUCLAFormatError(f'{path}: expected a JSON object, got '
                               f'{type(data).__name__}')
    missing = [k for k in ('file_name', 'skeletons', 'label')
               if k not in data]
    if missing:
        raise NUCLAFormatError(
            f'{path}: missing field(s) {missing}; an N-UCLA skeleton file '
            'has file_name, skeletons, label')

    name = data['file_name']
    try:
        meta = parse_nucla_name(name)
    except NUCLAFormatError as err:
        failer('file_name')(str(err))
    stem = osp.splitext(osp.basename(path))[0]
    if name != stem:
        failer('file_name')(f'is {name!r}, but the file is {stem!r}.json')
    label = data['label']
    if isinstance(label, bool) or not isinstance(label, int) or \
            not 1 <= label <= len(classes):
        failer('label')(f'must be an integer in 1..{len(classes)}, got '
                        f'{label!r}')
    if len(classes) == len(NUCLA_ACTION_IDS) and \
            NUCLA_ACTION_IDS[label - 1] != meta['action']:
        failer('label')(
            f'is {label}, but the name says action a{meta["action"]:02d} '
            f'(label {_label_of_action(meta["action"])})')
    xyz = _skeletons(data['skeletons'], failer('skeletons'))

    uv, valid = project_kinect_v1(xyz)
    return dict(
        frame_dir=name,
        label=label - 1,
        total_frames=len(xyz),
        img_shape=NUCLA_IMG_SHAPE,
        original_shape=NUCLA_IMG_SHAPE,
        keypoint=uv[None],
        keypoint_score=valid[None].astype(np.float32),
        keypoint_3d=xyz[None].astype(np.float32),
        camera_intrinsics=dict(KINECT_V1_INTRINSICS),
        subject=meta['subject'],
        view=meta['view'])


def _label_of_action(action: int) -> str:
    return str(NUCLA_ACTION_IDS.index(action) + 1) \
        if action in NUCLA_ACTION_IDS else 'none'


def list_skeleton_files(root: str) -> list[str]:
    """Sorted ``*.json`` files of a skeleton folder.

    Raises:
        NUCLAFormatError: the folder is missing or has no ``.json`` file.
    """
    if not osp.isdir(root):
        raise NUCLAFormatError(
            f'{root}: N-UCLA skeleton folder does not exist')
    files = sorted(
        osp.join(root, f) for f in os.listdir(root) if f.endswith('.json'))
    if not files:
        raise NUCLAFormatError(f'{root}: no .json skeleton files')
    return files


def convert_nucla(
    files: Iterable[str],
    progress: Callable[[Sequence[str]], Iterable[str]] | None = None
) -> tuple[dict, list[tuple[str, str]]]:
    """Convert skeleton files into one ``PoseDataset`` dict.

    Args:
        files: Skeleton files (e.g. :func:`list_skeleton_files`).
        progress: Optional wrapper of the file list that reports progress
            (e.g. ``mmengine.track_iter_progress``).

    Returns:
        ``dict(split=..., annotations=[...])`` with the splits of
        :func:`nucla_splits` (``frame_dir`` ids; annotations in file order),
        and the dropped sequences as ``(file, reason)`` pairs (fewer than
        :data:`MIN_FRAMES` frames).

    Raises:
        NUCLAFormatError: as :func:`load_nucla_sequence`, or two files with
            the same ``file_name``.
    """
    files = list(files)
    views = nucla_splits()
    split: dict[str, list[str]] = {name: [] for name in views}
    annotations, dropped, seen = [], [], set()
    for path in (progress(files) if progress is not None else files):
        anno = load_nucla_sequence(path)
        if anno['frame_dir'] in seen:
            raise NUCLAFormatError(
                f'{path}: field \'file_name\' {anno["frame_dir"]!r} '
                'appears in two files')
        seen.add(anno['frame_dir'])
        if anno['total_frames'] < MIN_FRAMES:
            dropped.append(
                (path, f'{anno["total_frames"]} frame(s), fewer than '
                 f'{MIN_FRAMES}'))
            continue
        for name, members in views.items():
            if anno['view'] in members:
                split[name].append(anno['frame_dir'])
        annotations.append(anno)
    return dict(split=split, annotations=annotations), dropped
