# Copyright (c) mmaction-pose. All rights reserved.
"""Convert the N-UCLA skeleton files into an mmaction2 PoseDataset pickle.

    python tools/data/nucla/convert.py \
        [--skeletons ../shared/data/nucla/all_sqe] \
        [--out data/nucla/nucla.pkl] [--no-progress]

Writes the pickle (splits ``xview{1,2,3}_{train,test}``; 1482 sequences of
the 1484, the two single-frame ones dropped with one line each) and
``label_map.txt`` (the 10 class names, line i = class id i) next to it.
2D joints are the Kinect v1 colour-frame projection, the 3D ones are kept
as ``keypoint_3d``. The conversion itself lives in
``mmaction_pose.datasets.converters.nucla``. The data is for research use
(cite Wang et al., CVPR 2014): never commit the pickle.
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

from mmaction_pose.datasets.converters.nucla import (  # noqa: E402
    NUCLA_CLASSES, NUCLAFormatError, convert_nucla, list_skeleton_files)

DEFAULT_SKELETONS = '../shared/data/nucla/all_sqe'
DEFAULT_OUT = 'data/nucla/nucla.pkl'


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='N-UCLA all_sqe/*.json -> PoseDataset pickle')
    parser.add_argument('--skeletons', default=DEFAULT_SKELETONS,
                        help='folder with aNN_sNN_eNN_vNN.json files')
    parser.add_argument('--out', default=DEFAULT_OUT, help='output .pkl')
    parser.add_argument('--no-progress', action='store_true',
                        help='no progress bar')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not args.out.endswith('.pkl'):
        print(f'error: --out {args.out!r} must end with .pkl', file=sys.stderr)
        return 2
    try:
        files = list_skeleton_files(args.skeletons)
        data, dropped = convert_nucla(
            files, progress=None if args.no_progress else track_iter_progress)
    except NUCLAFormatError as err:
        print(f'error: {err}', file=sys.stderr)
        return 1
    for path, reason in dropped:
        print(f'dropped {osp.basename(path)}: {reason}')
    sizes = write_pose_dataset(args.out, data, NUCLA_CLASSES)
    print(f'wrote {args.out}: {len(data["annotations"])} sequences, splits '
          f'{sizes}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
