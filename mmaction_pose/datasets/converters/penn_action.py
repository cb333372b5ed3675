# Copyright (c) mmaction-pose. All rights reserved.
"""Penn Action ground-truth labels → mmaction2 ``PoseDataset`` annotations.

Penn Action (Zhang, Zhu and Derpanis, "From Actemes to Action: A
Strongly-supervised Representation for Detailed Action Understanding",
ICCV 2013) ships one MATLAB file per clip (``labels/0001.mat`` …
``labels/2326.mat``) with the fields ``action``, ``pose``, ``x``, ``y``,
``visibility``, ``train``, ``bbox``, ``dimensions`` and ``nframes``.
The 13 joints are in :data:`~mmaction_pose.structures.PENN13` order.

Two pure functions do the work; ``tools/data/penn_action/convert.py`` is the
command line around them:

* :func:`load_penn_clip`: one ``.mat`` file → one annotation dict;
* :func:`convert_penn_action`: the labels folder → ``dict(split=...,
  annotations=...)`` with the official ``train`` (1258) / ``test`` (1068)
  split.

Keypoint scores. Penn marks 22 % of the joints invisible, and these are of
two kinds:

* **Missing** (8 % of all joints, in 682 of the 2326 clips): joints outside
  the frame (typically ankles, or hips in close-ups) carry a placeholder at
  the image corner, ``x == y`` between 0 and 1.5 px. Rendering them would
  put a spurious blob in the corner and stretch ``PoseCompact``'s box to the
  corner, shrinking the person. They become mmaction2's "missing joint":
  coordinates ``(0, 0)`` (ignored by ``PoseCompact`` and ``Flip``) and score
  0 (skipped by ``GeneratePoseTarget``).
* **Occluded** (14 %): the far side of the body in side views and the like,
  with an annotated, plausible position that still carries the motion. Their
  score is ``invisible_score`` (default 1.0, i.e. rendered like visible
  joints; ``0`` is the "score = visibility" reading of the data notes).

Visible joints score 1.0. The raw visibility flags are kept in
``keypoint_visible``.
"""
from __future__ import annotations

import os
import os.path as osp
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import PENN13

PENN_ACTION_CLASSES: tuple[str, ...] = (
    'baseball_pitch', 'baseball_swing', 'bench_press', 'bowl',
    'clean_and_jerk', 'golf_swing', 'jump_rope', 'jumping_jacks', 'pullup',
    'pushup', 'situp', 'squat', 'strum_guitar', 'tennis_forehand',
    'tennis_serve')
"""The 15 class names, sorted; a class id is the index in this tuple."""

PENN_ACTION_SPLIT_SIZES: dict[str, int] = dict(train=1258, test=1068)
"""Official split sizes (``train`` flag 1 / -1 in the label files)."""

MISSING_JOINT_MAX_PX = 2.0
"""Invisible joints with both coordinates below this are placeholders."""

_REQUIRED_FIELDS = ('action', 'x', 'y', 'visibility', 'train', 'dimensions')


class PennActionFormatError(ValueError):
    """A Penn Action label file or folder is missing or malformed."""


def _scalar(value: Any, path: str, field: str) -> Any:
    arr = np.asarray(value).ravel()
    if arr.size != 1:
        raise PennActionFormatError(
            f'{path}: field {field!r} must hold one value, got shape '
            f'{np.shape(value)}')
    return arr[0].item() if hasattr(arr[0], 'item') else arr[0]


def load_penn_clip(path: str,
                   invisible_score: float = 1.0,
                   classes: Sequence[str] = PENN_ACTION_CLASSES) -> dict:
    """Read one Penn Action label file as a ``PoseDataset`` annotation.

    Args:
        path: A ``labels/NNNN.mat`` file.
        invisible_score: Keypoint score of occluded joints (flagged
            invisible, with a real position); visible joints score 1,
            missing ones 0.
        classes: Class names; the label is the index of ``action`` here.

    Returns:
        A dict with ``frame_dir`` (file stem), ``label``, ``img_shape`` and
        ``original_shape`` (H, W), ``total_frames`` (T), ``keypoint``
        ``(1, T, 13, 2)`` float32 pixels (x, y), ``(0, 0)`` for a missing
        joint, ``keypoint_score`` ``(1, T, 13)`` float32 (see the module
        docstring), ``keypoint_visible`` ``(1, T, 13)`` bool,
        ``split`` (``'train'``/``'test'``) and ``view`` (``pose`` field).

    Raises:
        PennActionFormatError: the file is missing, is not a readable MATLAB
            file, lacks a field, has inconsistent shapes or an unknown class;
            the message names the file and the field.
    """
    from scipy.io import loadmat
    from scipy.io.matlab import MatReadError

    if not osp.isfile(path):
        raise PennActionFormatError(f'{path}: label file does not exist')
    try:
        mat = loadmat(path)
    except (MatReadError, ValueError, TypeError, OSError, EOFError,
            IndexError, KeyError, UnicodeDecodeError) as err:
        raise PennActionFormatError(
            f'{path}: not a readable MATLAB label file '
            f'({type(err).__name__}: {err})') from err
    missing = [f for f in _REQUIRED_FIELDS if f not in mat]
    if missing:
        raise PennActionFormatError(
            f'{path}: missing field(s) {missing}; a Penn Action label file '
            f'has {list(_REQUIRED_FIELDS)} (+ pose, bbox, nframes)')

    action = str(_scalar(mat['action'], path, 'action')).strip()
    if action not in classes:
        raise PennActionFormatError(
            f'{path}: field \'action\' is {action!r}, not one of {list(classes)}')
    x, y = np.asarray(mat['x'], np.float64), np.asarray(mat['y'], np.float64)
    vis = np.asarray(mat['visibility'])
    num_joints = PENN13.num_joints
    for field, arr in (('x', x), ('y', y), ('visibility', vis)):
        if arr.ndim != 2 or arr.shape[1] != num_joints or arr.shape[0] < 1:
            raise PennActionFormatError(
                f'{path}: field {field!r} must be (T, {num_joints}), got '
                f'{arr.shape}')
    if not x.shape == y.shape == vis.shape:
        raise PennActionFormatError(
            f'{path}: fields x {x.shape}, y {y.shape} and visibility '
            f'{vis.shape} disagree')
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise PennActionFormatError(f'{path}: x/y contain NaN or inf')
    dims = np.asarray(mat['dimensions']).ravel()
    if dims.size != 3:
        raise PennActionFormatError(
            f"{path}: field 'dimensions' must be [H, W, T], got {dims}")
    height, width = int(dims[0]), int(dims[1])
    flag = int(_scalar(mat['train'], path, 'train'))
    if flag not in (1, -1):
        raise PennActionFormatError(
            f"{path}: field 'train' must be 1 (train) or -1 (test), got {flag}")
    view = str(_scalar(mat['pose'], path, 'pose')) if 'pose' in mat else ''

    num_frames = x.shape[0]
    visible = vis > 0
    placeholder = ~visible & (x < MISSING_JOINT_MAX_PX) & (
        y < MISSING_JOINT_MAX_PX)
    keypoint = np.stack([x, y], axis=-1).astype(np.float32)
    keypoint[placeholder] = 0
    score = np.where(visible, 1.0, float(invisible_score)).astype(np.float32)
    score[placeholder] = 0
    return dict(
        frame_dir=osp.splitext(osp.basename(path))[0],
        label=classes.index(action),
        img_shape=(height, width),
        original_shape=(height, width),
        total_frames=num_frames,
        keypoint=keypoint[None],
        keypoint_score=score[None],
        keypoint_visible=visible[None],
        split='train' if flag == 1 else 'test',
        view=view)


def list_label_files(labels_dir: str) -> list[str]:
    """Sorted ``*.mat`` files of a labels folder.

    Raises:
        PennActionFormatError: the folder is missing or has no ``.mat`` file.
    """
    if not osp.isdir(labels_dir):
        raise PennActionFormatError(
            f'{labels_dir}: Penn Action labels folder does not exist')
    files = sorted(
        osp.join(labels_dir, f) for f in os.listdir(labels_dir)
        if f.endswith('.mat'))
    if not files:
        raise PennActionFormatError(f'{labels_dir}: no .mat label files')
    return files


def convert_penn_action(
        files: Iterable[str],
        invisible_score: float = 1.0,
        progress: Callable[[Sequence[str]], Iterable[str]] | None = None
) -> dict:
    """Convert label files into one ``PoseDataset`` dict.

    Args:
        files: Label files (e.g. :func:`list_label_files`).
        invisible_score: See :func:`load_penn_clip`.
        progress: Optional wrapper of the file list that reports progress
            (e.g. ``mmengine.track_iter_progress``).

    Returns:
        ``dict(split=dict(train=[...], test=[...]), annotations=[...])``;
        the split lists hold ``frame_dir`` ids, annotations keep file order
        and drop the per-clip ``split`` key.
    """
    files = list(files)
    split: dict[str, list[str]] = dict(train=[], test=[])
    annotations = []
    for path in (progress(files) if progress is not None else files):
        anno = load_penn_clip(path, invisible_score=invisible_score)
        split[anno.pop('split')].append(anno['frame_dir'])
        annotations.append(anno)
    return dict(split=split, annotations=annotations)
