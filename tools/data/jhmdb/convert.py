# Copyright (c) mmaction-pose. All rights reserved.
"""JHMDB ground-truth joints → a PoseDataset pickle.

    python tools/data/jhmdb/convert.py JHMDB_ROOT OUT.pkl [--subset sub]

``JHMDB_ROOT`` holds ``joint_positions/<class>/<video>/joint_positions.mat``
and, optionally, ``splits/<class>_test_split<k>.txt``. Writes the 15
puppet joints (JHMDB-15 layout) in pixels of the 320x240 frames, the three
official splits (``train1``/``test1`` … ``train3``/``test3``; ``all``
without split files) and ``<OUT>_label_map.txt`` (sorted class names, line
i = label i). ``--subset sub``: Sub-JHMDB (12 classes, 316 clips, splits
from ``sub_splits/``; RPAN's dataset). The conversion lives in
``mmaction_pose.datasets.converters.jhmdb``.
"""
from __future__ import annotations

import argparse
import os
import os.path as osp
import pickle
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__))))))

from mmaction_pose.datasets.converters.jhmdb import (  # noqa: E402
    JHMDBFormatError, convert_jhmdb)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description='JHMDB joint_positions.mat files → PoseDataset pickle')
    parser.add_argument('root', help='JHMDB folder with joint_positions/')
    parser.add_argument('out', help='output .pkl')
    parser.add_argument('--subset', choices=('full', 'sub'), default='full',
                        help='full JHMDB (21 classes) or Sub-JHMDB (12)')
    args = parser.parse_args(argv)
    try:
        data = convert_jhmdb(args.root, args.subset)
    except (FileNotFoundError, JHMDBFormatError) as e:
        print(f'error: {e}', file=sys.stderr)
        return 1
    classes = data.pop('classes')
    os.makedirs(osp.dirname(osp.abspath(args.out)), exist_ok=True)
    with open(args.out, 'wb') as f:
        pickle.dump(data, f)
    with open(osp.splitext(args.out)[0] + '_label_map.txt', 'w') as f:
        f.write('\n'.join(classes) + '\n')
    print(f'wrote {len(data["annotations"])} clips of {len(classes)} '
          f'classes to {args.out} (splits: '
          f'{", ".join(sorted(data["split"]))})')
    return 0


if __name__ == '__main__':
    sys.exit(main())
