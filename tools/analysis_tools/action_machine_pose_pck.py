# Copyright (c) mmaction-pose. All rights reserved.
"""PCK of Action Machine's pose branch on a JHMDB clip, beside a pose
backend (Zhu et al. 2018: the pose branch "learned to estimate poses from
RGB images").

    python tools/analysis_tools/action_machine_pose_pck.py CONFIG CHECKPOINT \
        VIDEO joint_positions.mat [--box detector|gt|full] [--alpha 0.2] \
        [--pose-backend mediapipe ...]

The pose branch sees the video cropped with one person box, as in
training: ``detector`` (default) is the paper's union of the person boxes a
pose backend finds in all frames (mediapipe here, any score), ``gt`` the box
around the ground-truth joints (+15 %), ``full`` the whole frame. The same
backend's own tracked poses are scored too. Both are scored on the joints
that the model's layout, COCO-17 and JHMDB-15 all name (shoulders, elbows,
wrists, hips, knees, ankles), within ``alpha`` x the larger side of the
ground-truth person box. Prints JSON.
"""
from __future__ import annotations

import argparse
import json
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

import numpy as np  # noqa: E402

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmaction_pose.apis.person_pose_estimation import (  # noqa: E402
    estimate_video_poses, load_pose_branch)
from mmaction_pose.apis.pose_backends import (  # noqa: E402
    add_pose_backend_args, pose_backend_from_args)
from mmaction_pose.apis.pose_extraction import (  # noqa: E402
    extract_video_annotation)
from mmaction_pose.apis.video_io import read_video  # noqa: E402
from mmaction_pose.datasets.converters.jhmdb import (  # noqa: E402
    load_jhmdb_joints)
from mmaction_pose.datasets.transforms.functional.person_box import (  # noqa
    union_box)
from mmaction_pose.evaluation.functional import (  # noqa: E402
    keypoint_pck, match_track)
from mmaction_pose.structures.skeleton_layouts import (  # noqa: E402
    COCO17, JHMDB15, LAYOUTS)


def _score(pred, gt, names, layout, alpha, valid=None) -> dict:
    idx, gidx = [layout.index(n) for n in names], \
        [JHMDB15.index(n) for n in names]
    correct = keypoint_pck(pred[:, idx], gt[:, gidx], alpha, gt_all=gt,
                           pred_valid=None if valid is None else
                           valid[:, idx])
    return dict(pck=round(float(correct.mean()), 4),
                per_joint={n: round(float(c), 3)
                           for n, c in zip(names, correct.mean(0))})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="PCK of Action Machine's pose branch vs JHMDB joints")
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('video')
    parser.add_argument('mat', help='JHMDB joint_positions.mat')
    parser.add_argument('--box', choices=('detector', 'gt', 'full'),
                        default='detector')
    parser.add_argument('--alpha', type=float, default=0.2)
    add_pose_backend_args(parser)
    args = parser.parse_args(argv)

    model, size, clip_len = load_pose_branch(args.config, args.checkpoint,
                                             args.device)
    layout = next(lay for lay in LAYOUTS.values()
                  if lay.num_joints == model.pose_head.num_keypoints)
    names = [n for n in JHMDB15.joints
             if n in layout.joints and n in COCO17.joints]
    gt = load_jhmdb_joints(args.mat)['keypoint'][0]
    frames, _ = read_video(args.video)
    t_len = min(len(gt), len(frames))
    gt, frames = gt[:t_len], frames[:t_len]
    with pose_backend_from_args(args) as backend:
        anno = extract_video_annotation(args.video, backend)
    kp_b, sc_b = anno['keypoint'][:, :t_len], anno['keypoint_score'][:, :t_len]
    img_shape = frames[0].shape[:2]
    if args.box == 'detector':
        box = union_box(kp_b, sc_b, score_thr=0., expand=0.15,
                        img_shape=img_shape)
    elif args.box == 'gt':
        box = union_box(gt[None], score_thr=-1., expand=0.15,
                        img_shape=img_shape)
    else:
        box = np.array([0, 0, img_shape[1], img_shape[0]], np.float32)
    pred, _ = estimate_video_poses(model, frames, box, size, clip_len)
    m = match_track(kp_b, sc_b, gt, [COCO17.index(n) for n in names],
                    [JHMDB15.index(n) for n in names])
    print(json.dumps(dict(
        frames=t_len, alpha=args.alpha, box=args.box,
        crop_box=[round(float(v), 1) for v in box], joints=names,
        action_machine=_score(pred, gt, names, layout, args.alpha),
        **{args.pose_backend: _score(kp_b[m], gt, names, COCO17, args.alpha,
                                     sc_b[m] > 0)})))
    return 0


if __name__ == '__main__':
    sys.exit(main())
