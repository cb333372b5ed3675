# Copyright (c) mmaction-pose. All rights reserved.
"""Convert the Penn Action label files into an mmaction2 PoseDataset pickle.

    python tools/data/penn_action/convert.py \
        [--labels ../shared/data/penn_action/labels] \
        [--out data/penn_action/penn_action.pkl] [--invisible-score 1.0]

Writes the pickle (splits ``train``: 1258 clips, ``test``: 1068 clips) and
``label_map.txt`` (the 15 sorted class names, one per line, line i = class
id i) next to it. The conversion itself lives in
``mmaction_pose.datasets.converters.penn_action``.
"""
from __future__ import annotations

import argparse
import os.path as osp
import sys

sys.path.insert(
    0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(osp.abspath(
        __file__))))))

from mmengine.utils import track_iter_progress  # noqa: E402

from mmaction_pose.datasets.converters.output import \
    write_pose_dataset  # noqa: E402

from mmaction_pose.datasets.converters.penn_action import (  # noqa: E402
    PENN_ACTION_CLASSES, PENN_ACTION_SPLIT_SIZES, PennActionFormatError,
    convert_penn_action, list_label_files)

DEFAULT_LABELS = '../shared/data/penn_action/labels'
DEFAULT_OUT = 'data/penn_action/penn_action.pkl'


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='Penn Action labels/*.mat -> PoseDataset pickle')
    parser.add_argument('--labels', default=DEFAULT_LABELS,
                        help='folder with 0001.mat ... 2326.mat')
    parser.add_argument('--out', default=DEFAULT_OUT, help='output .pkl')
    parser.add_argument(
        '--invisible-score', type=float, default=1.0,
        help='keypoint score of joints flagged invisible (visible: 1); '
        '0 drops them from the heatmaps')
    parser.add_argument('--no-progress', action='store_true',
                        help='no progress bar')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.out.endswith('.pkl'):
        print(f'error: --out {args.out!r} must end with .pkl', file=sys.stderr)
        return 2
    try:
        files = list_label_files(args.labels)
        data = convert_penn_action(
            files, invisible_score=args.invisible_score,
            progress=None if args.no_progress else track_iter_progress)
    except PennActionFormatError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    sizes = write_pose_dataset(args.out, data, PENN_ACTION_CLASSES)
    print(f'wrote {args.out}: {len(data["annotations"])} clips, splits '
          f'{sizes}')
    if len(files) == sum(PENN_ACTION_SPLIT_SIZES.values()) and \
            sizes != PENN_ACTION_SPLIT_SIZES:
        print('warning: expected the official split '
              f'{PENN_ACTION_SPLIT_SIZES}', file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
