# Copyright (c) mmaction-pose. All rights reserved.
"""NTU RGB+D raw ``.skeleton`` files → a 2D PoseDataset pickle.

    python tools/data/ntu/convert_skeleton.py SKELETON_DIR OUT.pkl
        [--benchmark ntu60|ntu120] [--ignore-list missing.txt]
        [--max-bodies 2] [--workers 2]

Keeps the 25 Kinect joints in colour-camera pixels (1920x1080) with a
score from the tracking state; every frame keeps its index (frames without
a body are zeros), fixing the frame misalignment of mmaction2's
``ntu_pose_extraction.py``; bodies keep their index by Kinect body id. The
splits are the official ones (``xsub_train``/``xsub_val`` and
``xview_*`` for NTU-60, ``xset_*`` for NTU-120); with ``--benchmark
ntu60`` only actions 1–60 are kept. Samples in ``--ignore-list`` (NTU's
``NTU_RGBD_samples_with_missing_skeletons.txt``) and unreadable files are
skipped and reported. The conversion lives in
``mmaction_pose.datasets.converters.ntu_skeleton``.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import os.path as osp
import pickle
import sys
from functools import partial

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__))))))

from mmaction_pose.datasets.converters.ntu_skeleton import (  # noqa: E402
    ntu_splits, parse_ntu_name, try_ntu_skeleton_to_annotation)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='NTU .skeleton files → 2D PoseDataset pickle')
    parser.add_argument('skeleton_dir')
    parser.add_argument('out')
    parser.add_argument('--benchmark', choices=('ntu60', 'ntu120'),
                        default='ntu60')
    parser.add_argument('--ignore-list',
                        help='sample names to skip, one per line')
    parser.add_argument('--max-bodies', type=int, default=2)
    parser.add_argument('--workers', type=int, default=1)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    from mmengine.utils import ProgressBar
    args = parse_args(argv)
    if not osp.isdir(args.skeleton_dir):
        print(f'error: {args.skeleton_dir} is not a folder', file=sys.stderr)
        return 1
    ignore = set()
    if args.ignore_list:
        with open(args.ignore_list) as f:
            ignore = {line.strip() for line in f if line.strip()}
    paths = []
    for name in sorted(os.listdir(args.skeleton_dir)):
        stem = osp.splitext(name)[0]
        if not name.endswith('.skeleton') or stem in ignore:
            continue
        try:
            action = parse_ntu_name(stem)['action']
        except ValueError:
            continue
        if args.benchmark == 'ntu60' and action > 60:
            continue
        paths.append(osp.join(args.skeleton_dir, name))
    annotations, errors = [], []
    bar = ProgressBar(len(paths))
    work = partial(try_ntu_skeleton_to_annotation,
                   max_bodies=args.max_bodies)
    if args.workers > 1:
        with mp.get_context('spawn').Pool(args.workers) as pool:
            results = list(_track(pool.imap(work, paths, 16), bar))
    else:
        results = list(_track(map(work, paths), bar))
    print()
    for path, result in zip(paths, results):
        if isinstance(result, dict):
            annotations.append(result)
        else:
            errors.append(f'{path}: {result}')
    names = [a['frame_dir'] for a in annotations]
    out = dict(split=ntu_splits(names, args.benchmark),
               annotations=annotations)
    os.makedirs(osp.dirname(osp.abspath(args.out)), exist_ok=True)
    with open(args.out, 'wb') as f:
        pickle.dump(out, f)
    print(f'wrote {len(annotations)} samples to {args.out} '
          f'({", ".join(f"{k}: {len(v)}" for k, v in out["split"].items())}'
          f'); skipped {len(ignore)} ignored, {len(errors)} unreadable')
    for line in errors[:20]:
        print(f'  {line}', file=sys.stderr)
    return 0 if annotations else 2


def _track(results, bar):
    for item in results:
        bar.update()
        yield item


if __name__ == '__main__':
    sys.exit(main())
