# Copyright (c) mmaction-pose. All rights reserved.
"""Reference points for attention-as-pose PCK (RPAN, Sec. 4.4).

    python tools/analysis_tools/attention_pck_baselines.py ANN.pkl
        [--cell 16] [--alpha 0.2] [--segments 8] [--train train --test test]

An attention map can only point at a cell of its grid, and a pose prior
needs no image at all. On the same frames ``AttentionPCKMetric`` scores
(the ``--segments`` segment centres of every test clip, boxes of the visible
ground-truth joints), this prints the PCK of

* ``prior``: every joint at the cell of its mean training position (what a
  model that ignores the frames would get);
* ``grid_bound``: every joint at the centre of its own ground-truth cell
  (the best any attention argmax on this grid can do).

An attention-PCK is informative only between the two.
"""
from __future__ import annotations

import argparse
import json
import os.path as osp
import pickle
import sys

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

from mmaction_pose.evaluation.functional import keypoint_pck  # noqa: E402
from mmaction_pose.evaluation.functional.pck import (  # noqa: E402
    visible_box_size)


def segment_centres(total: int, segments: int) -> np.ndarray:
    """mmaction2 ``SampleFrames(clip_len=1, test_mode=True)`` indices."""
    seg = total / segments
    return (np.arange(segments) * seg + seg / 2).astype(int)


def baselines(data: dict, cell: float, alpha: float, segments: int,
              train: str, test: str) -> dict[str, float]:
    def pick(split):
        names = set(data['split'][split])
        return [a for a in data['annotations']
                if a.get('filename', a['frame_dir']) in names or
                a['frame_dir'] in names]

    kps = np.concatenate([a['keypoint'][0] for a in pick(train)])
    vis = np.concatenate([a['keypoint_score'][0] for a in pick(train)]) > 0
    prior = np.array([kps[vis[:, j], j].mean(0)
                      for j in range(kps.shape[1])])
    counts = dict(prior=[0, 0], grid_bound=[0, 0])
    for a in pick(test):
        h, w = a['img_shape']
        idx = segment_centres(a['total_frames'], segments)
        gt = a['keypoint'][0, idx]
        visible = a['keypoint_score'][0, idx] > 0
        ref = visible_box_size(gt, visible)

        def snap(xy):
            xy = np.clip(xy, 0, np.array([w, h]) - 1e-3)
            return (np.floor(xy / cell) + 0.5) * cell

        for name, pred in (('prior', np.broadcast_to(snap(prior), gt.shape)),
                           ('grid_bound', snap(gt))):
            correct = keypoint_pck(pred, gt, alpha, ref_size=ref) & visible
            counts[name][0] += int(correct.sum())
            counts[name][1] += int(visible.sum())
    return {k: c / max(n, 1) for k, (c, n) in counts.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('ann_file')
    parser.add_argument('--cell', type=float, default=16.,
                        help='attention cell size in input pixels (the '
                        "backbone's stride at the input size)")
    parser.add_argument('--alpha', type=float, default=0.2)
    parser.add_argument('--segments', type=int, default=8)
    parser.add_argument('--train', default='train')
    parser.add_argument('--test', default='test')
    args = parser.parse_args(argv)
    with open(args.ann_file, 'rb') as f:
        data = pickle.load(f)
    print(json.dumps(baselines(data, args.cell, args.alpha, args.segments,
                               args.train, args.test), indent=1))
    return 0


if __name__ == '__main__':
    sys.exit(main())
