# Copyright (c) mmaction-pose. All rights reserved.
"""Pose backends behind one interface, and person tracking.

``PoseBackend.__call__(frame_bgr) -> FramePoses`` (boxes ``(M, 4)``, COCO-17
keypoints ``(M, 17, 2)``, scores ``(M, 17)``). Two backends:

* ``'mediapipe'``: :class:`MediaPipePoseBackend`, offline multi-person
  BlazePose from the models inside the mediapipe 0.10.21 wheel;
* ``'mmpose'``: :class:`MMPoseBackend`, an mmdet detector + an mmpose
  top-down model from config + checkpoint paths or URLs.

mediapipe, mmdet and mmpose are imported only when a backend is built.
"""
from __future__ import annotations

import argparse
from typing import Any

from .base import FramePoses, PoseBackend, boxes_from_keypoints
from .tracking import PoseTracker, stack_tracks

__all__ = [
    'FramePoses', 'PoseBackend', 'PoseTracker', 'boxes_from_keypoints',
    'stack_tracks', 'build_pose_backend', 'add_pose_backend_args',
    'pose_backend_from_args', 'BACKENDS'
]

BACKENDS = ('mediapipe', 'mmpose')


def build_pose_backend(name: str, **kwargs: Any) -> PoseBackend:
    """Build a backend by name: ``'mediapipe'``, ``'mmpose'``, or
    ``'package.module:ClassName'`` for a custom :class:`PoseBackend`."""
    if name == 'mediapipe':
        from .mediapipe_backend import MediaPipePoseBackend
        return MediaPipePoseBackend(**kwargs)
    if name == 'mmpose':
        from .mmpose_backend import MMPoseBackend
        return MMPoseBackend(**kwargs)
    if ':' in name:
        import importlib
        module, _, cls_name = name.partition(':')
        cls = getattr(importlib.import_module(module), cls_name)
        if not (isinstance(cls, type) and issubclass(cls, PoseBackend)):
            raise TypeError(f'{name} is not a PoseBackend subclass')
        return cls(**kwargs)
    raise ValueError(f'unknown pose backend {name!r}; choose from '
                     f'{BACKENDS} or give module:Class')


class _PoseBackendAction(argparse.Action):
    """Store ``--pose-backend``; ``mmpose`` without mmcv's compiled ops (a
    lite setup) exits at parse time with one line, before anything loads."""

    def __call__(self, parser: argparse.ArgumentParser,
                 namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        from mmaction_pose.utils import compat
        if values == 'mmpose' and not compat.mmcv_has_ops():
            parser.exit(2, f'{parser.prog}: error: {compat.OPS_MISSING}\n')
        setattr(namespace, self.dest, values)


def add_pose_backend_args(parser: argparse.ArgumentParser,
                          max_people: int = 2,
                          detect_interval: int = 5) -> None:
    """The pose-backend options shared by the demos and data tools."""
    group = parser.add_argument_group('pose estimation')
    group.add_argument(
        '--pose-backend', default='mediapipe', action=_PoseBackendAction,
        help='mediapipe: offline BlazePose bundled in the mediapipe wheel '
        '(no download); mmpose: mmdet detector + mmpose top-down model '
        '(needs --det-config/--det-checkpoint/--pose-config/'
        '--pose-checkpoint, paths or URLs; needs the full mmcv: make '
        'setup-full); or module:Class of a custom '
        'PoseBackend (built with max_people=...)')
    group.add_argument('--max-people', type=int, default=max_people,
                       help='most people tracked per video')
    group.add_argument(
        '--detect-interval', type=int, default=detect_interval,
        help='mediapipe: look for new people every N frames')
    group.add_argument('--det-config', help='mmdet config')
    group.add_argument('--det-checkpoint', help='mmdet checkpoint path/URL')
    group.add_argument('--pose-config', help='mmpose top-down config')
    group.add_argument('--pose-checkpoint',
                       help='mmpose checkpoint path/URL')
    group.add_argument('--det-score-thr', type=float, default=0.5,
                       help='mmpose backend: person box threshold')
    group.add_argument('--det-cat-id', type=int, default=0,
                       help='mmpose backend: person class of the detector')
    group.add_argument('--device', default='cpu', help='torch device')


def pose_backend_from_args(args: argparse.Namespace) -> PoseBackend:
    """Build the backend chosen by :func:`add_pose_backend_args` options."""
    if ':' in args.pose_backend:
        return build_pose_backend(args.pose_backend,
                                  max_people=args.max_people)
    if args.pose_backend == 'mediapipe':
        return build_pose_backend(
            'mediapipe', max_people=args.max_people,
            detect_interval=args.detect_interval)
    missing = [f'--{k.replace("_", "-")}' for k in
               ('det_config', 'pose_config') if not getattr(args, k)]
    if missing:
        raise ValueError('--pose-backend mmpose needs ' + ' and '.join(
            missing) + ' (and usually --det-checkpoint/--pose-checkpoint)')
    return build_pose_backend(
        'mmpose', det_config=args.det_config,
        det_checkpoint=args.det_checkpoint, pose_config=args.pose_config,
        pose_checkpoint=args.pose_checkpoint, device=args.device,
        det_cat_id=args.det_cat_id, det_score_thr=args.det_score_thr,
        max_people=args.max_people)
