# Copyright (c) mmaction-pose. All rights reserved.
"""PCK of a pose backend's tracked poses against JHMDB ground-truth joints.

    python tools/analysis_tools/pose_pck.py VIDEO joint_positions.mat
        [--alpha 0.2] [--pose-backend mediapipe ...]

Extracts and tracks the poses of VIDEO, picks the track closest to the
ground-truth person, and scores the 12 limb joints COCO-17 shares with
JHMDB-15 (shoulders, elbows, wrists, hips, knees, ankles): a joint is
correct within ``alpha`` x the larger side of the ground-truth person box
in that frame (JHMDB's PCK convention); frames where the track is missing
count as wrong. Prints JSON: overall PCK, per joint, frames.
"""
from __future__ import annotations

import argparse
import json
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmaction_pose.apis.pose_backends import (  # noqa: E402
    add_pose_backend_args, pose_backend_from_args)
from mmaction_pose.apis.pose_extraction import (  # noqa: E402
    extract_video_annotation)
from mmaction_pose.datasets.converters.jhmdb import (  # noqa: E402
    load_jhmdb_joints)
from mmaction_pose.evaluation.functional import (  # noqa: E402
    common_joints, keypoint_pck, match_track)
from mmaction_pose.structures.skeleton_layouts import (  # noqa: E402
    COCO17, JHMDB15)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description='PCK of extracted poses vs JHMDB ground truth')
    parser.add_argument('video')
    parser.add_argument('mat', help='JHMDB joint_positions.mat')
    parser.add_argument('--alpha', type=float, default=0.2)
    add_pose_backend_args(parser)
    args = parser.parse_args(argv)
    gt = load_jhmdb_joints(args.mat)['keypoint'][0]
    with pose_backend_from_args(args) as backend:
        anno = extract_video_annotation(args.video, backend)
    t_len = min(len(gt), anno['total_frames'])
    gt = gt[:t_len]
    pred_idx, gt_idx, names = common_joints(COCO17, JHMDB15)
    m = match_track(anno['keypoint'][:, :t_len],
                    anno['keypoint_score'][:, :t_len], gt, pred_idx, gt_idx)
    pred = anno['keypoint'][m, :t_len][:, pred_idx]
    valid = anno['keypoint_score'][m, :t_len][:, pred_idx] > 0
    correct = keypoint_pck(pred, gt[:, gt_idx], args.alpha, gt_all=gt,
                           pred_valid=valid)
    print(json.dumps(dict(
        pck=round(float(correct.mean()), 4), alpha=args.alpha,
        frames=t_len, tracks=int(len(anno['keypoint'])),
        per_joint={n: round(float(c), 3)
                   for n, c in zip(names, correct.mean(0))})))
    return 0


if __name__ == '__main__':
    sys.exit(main())
