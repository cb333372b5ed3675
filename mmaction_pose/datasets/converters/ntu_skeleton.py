# Copyright (c) mmaction-pose. All rights reserved.
"""NTU RGB+D raw ``.skeleton`` files → 2D ``PoseDataset`` annotations.

NTU RGB+D 60/120 (Shahroudy et al., CVPR 2016; Liu et al., TPAMI 2019)
ships one text file per sample, e.g. ``S001C001P001R001A001.skeleton``::

    <number of frames>
    per frame:  <number of bodies>
      per body: <bodyID> <clipedEdges> <handLeftConfidence> <handLeftState>
                <handRightConfidence> <handRightState> <isRestricted>
                <leanX> <leanY> <trackingState>
                <number of joints (25)>
                per joint: x y z depthX depthY colorX colorY
                           orientationW orientationX orientationY
                           orientationZ trackingState

We keep the 25 Kinect v2 joints (:data:`NTU25` order) in 2D colour-camera
pixels (``colorX``, ``colorY``; the RGB videos are 1920x1080) with a score
from the joint tracking state (2 tracked → 1.0, 1 inferred → 0.5, 0 → 0).

Frame alignment (the bug of mmaction2's ``ntu_pose_extraction.py``, whose
``pose_inference_with_align`` drops frames without detections but not their
paths, shifting later frames): every frame of the file keeps its index ``t``
here, including frames with no body (zeros), so ``keypoint[:, t]`` is video
frame ``t``. Bodies are identified by their Kinect ``bodyID``, so a person
keeps their index ``m`` through the clip; with more than ``max_bodies``
bodies, the ones that move most (summed 3D joint variance, as mmaction2's
``gen_ntu_rgbd_raw.py``) are kept, in order of first appearance.
"""
from __future__ import annotations

import os.path as osp
import re
from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import NTU25

NTU_IMG_SHAPE = (1080, 1920)
"""``(h, w)`` of the NTU RGB videos (the colour-space coordinates)."""

#: Training subjects of the cross-subject benchmarks (the rest are test).
NTU60_XSUB_TRAIN = (1, 2, 4, 5, 8, 9, 13, 14, 15, 16, 17, 18, 19, 25, 27,
                    28, 31, 34, 35, 38)
NTU120_XSUB_TRAIN = NTU60_XSUB_TRAIN + (
    45, 46, 47, 49, 50, 52, 53, 54, 55, 56, 57, 58, 59, 70, 74, 78, 80, 81,
    82, 83, 84, 85, 86, 89, 91, 92, 93, 94, 95, 97, 98, 100, 103)
#: Training cameras of NTU-60 cross-view (camera 1 is test).
NTU60_XVIEW_TRAIN = (2, 3)

_NAME = re.compile(r'S(\d{3})C(\d{3})P(\d{3})R(\d{3})A(\d{3})')
_SCORE = {0: 0.0, 1: 0.5, 2: 1.0}


class NTUSkeletonFormatError(ValueError):
    """A ``.skeleton`` file is truncated or malformed."""


def parse_ntu_name(name: str) -> dict[str, int]:
    """``S001C002P003R002A013`` → setup, camera, performer, replication,
    action (1-based, as in the name)."""
    match = _NAME.search(osp.basename(name))
    if match is None:
        raise ValueError(f'{name!r} is not an NTU sample name (SsssCcccPppp'
                         'RrrrAaaa)')
    keys = ('setup', 'camera', 'performer', 'replication', 'action')
    return dict(zip(keys, map(int, match.groups())))


def read_ntu_skeleton(path: str) -> dict[str, Any]:
    """Parse one ``.skeleton`` file.

    Returns:
        ``num_frames`` and ``bodies``: ``{bodyID: dict(frames (F,) int,
        xyz (F, 25, 3), color (F, 25, 2), state (F, 25))}`` in order of
        first appearance.

    Raises:
        NTUSkeletonFormatError: the file is truncated or malformed.
    """
    with open(path) as f:
        tokens = f.read().split('\n')
    lines = [line.split() for line in tokens if line.strip()]
    pos = 0

    def take() -> list[str]:
        nonlocal pos
        if pos >= len(lines):
            raise NTUSkeletonFormatError(f'{path}: truncated at line {pos}')
        pos += 1
        return lines[pos - 1]

    try:
        num_frames = int(take()[0])
        bodies: dict[str, dict[str, list]] = {}
        for t in range(num_frames):
            for _ in range(int(take()[0])):
                body_id = take()[0]
                num_joints = int(take()[0])
                if num_joints != NTU25.num_joints:
                    raise NTUSkeletonFormatError(
                        f'{path}: frame {t}: {num_joints} joints, expected '
                        f'{NTU25.num_joints}')
                joints = np.array([take()[:12] for _ in range(num_joints)],
                                  np.float64)
                body = bodies.setdefault(
                    body_id, dict(frames=[], xyz=[], color=[], state=[]))
                body['frames'].append(t)
                body['xyz'].append(joints[:, 0:3])
                body['color'].append(joints[:, 5:7])
                body['state'].append(joints[:, 11])
    except (ValueError, IndexError) as e:
        if isinstance(e, NTUSkeletonFormatError):
            raise
        raise NTUSkeletonFormatError(f'{path}: malformed near line {pos} '
                                     f'({e})') from e
    return dict(num_frames=num_frames,
                bodies={k: {n: np.asarray(v) for n, v in b.items()}
                        for k, b in bodies.items()})


def _motion(body: dict[str, np.ndarray]) -> float:
    xyz = body['xyz']
    valid = np.abs(xyz).sum(-1) > 0
    if valid.sum() < 2:
        return 0.0
    return float(sum(xyz[..., i][valid].var() for i in range(3)))


def ntu_skeleton_to_annotation(path: str, max_bodies: int = 2
                               ) -> dict[str, Any]:
    """One ``.skeleton`` file → one 2D PoseDataset annotation.

    Returns:
        ``frame_dir`` (sample name), ``label`` (action − 1),
        ``keypoint (M, T, 25, 2)`` colour pixels, ``keypoint_score
        (M, T, 25)``, ``total_frames = T`` (the file's frame count),
        ``img_shape = original_shape = (1080, 1920)``.

    Raises:
        NTUSkeletonFormatError: malformed file, or no body in any frame
            (NTU's "samples with missing skeletons").
    """
    name = osp.splitext(osp.basename(path))[0]
    data = read_ntu_skeleton(path)
    bodies = list(data['bodies'].values())
    if not bodies:
        raise NTUSkeletonFormatError(f'{path}: no skeleton in any frame')
    if len(bodies) > max_bodies:
        motion = np.array([_motion(b) for b in bodies])
        keep = np.sort(np.argsort(-motion, kind='stable')[:max_bodies])
        bodies = [bodies[i] for i in keep]
    t_len = data['num_frames']
    keypoint = np.zeros((len(bodies), t_len, NTU25.num_joints, 2),
                        np.float32)
    score = np.zeros((len(bodies), t_len, NTU25.num_joints), np.float32)
    for m, body in enumerate(bodies):
        keypoint[m, body['frames']] = body['color']
        score[m, body['frames']] = np.vectorize(
            lambda s: _SCORE.get(int(s), 0.0))(body['state'])
    info = parse_ntu_name(name)
    return dict(frame_dir=name, label=info['action'] - 1,
                keypoint=keypoint, keypoint_score=score,
                total_frames=t_len, img_shape=NTU_IMG_SHAPE,
                original_shape=NTU_IMG_SHAPE)


def ntu_splits(names: list[str], benchmark: str = 'ntu60'
               ) -> dict[str, list[str]]:
    """Official splits: NTU-60 ``xsub_*``/``xview_*``, NTU-120
    ``xsub_*``/``xset_*`` (``*`` = ``train``/``val``)."""
    if benchmark not in ('ntu60', 'ntu120'):
        raise ValueError(f'benchmark must be ntu60 or ntu120, got '
                         f'{benchmark!r}')
    splits: dict[str, list[str]] = {}
    xsub = NTU60_XSUB_TRAIN if benchmark == 'ntu60' else NTU120_XSUB_TRAIN
    for name in names:
        info = parse_ntu_name(name)
        rules = dict(xsub=info['performer'] in xsub)
        if benchmark == 'ntu60':
            rules['xview'] = info['camera'] in NTU60_XVIEW_TRAIN
        else:
            rules['xset'] = info['setup'] % 2 == 0
        for split, train in rules.items():
            key = f'{split}_{"train" if train else "val"}'
            splits.setdefault(key, []).append(name)
    return splits


def try_ntu_skeleton_to_annotation(path: str, max_bodies: int = 2
                                   ) -> dict[str, Any] | str:
    """:func:`ntu_skeleton_to_annotation`, returning the error message
    instead of raising (for worker pools that must not stop)."""
    try:
        return ntu_skeleton_to_annotation(path, max_bodies)
    except (NTUSkeletonFormatError, OSError, ValueError) as e:
        return str(e)
