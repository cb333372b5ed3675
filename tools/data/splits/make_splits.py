# Copyright (c) mmaction-pose. All rights reserved.
"""Add stratified validation / fraction splits to a PoseDataset pickle.

    python tools/data/splits/make_splits.py ANN.pkl [--out NEW.pkl]
        [--source train] [--val-fraction 0.1] [--fractions 0.1 0.25 0.5]
        [--seed 0] [--holdout REGEX]

Writes ``<source>_val`` + ``<source>_rest`` (with ``--val-fraction``) and
``<base>_p<percent>`` (``--fractions``, nested, of the rest when a
validation split is carved) next to the existing splits, drawn per class
with ``--seed`` (``mmaction_pose/datasets/splits.py``); ``--holdout
REGEX`` writes ``<source>_hold`` (the names that match, e.g. ``_v02$``: one
camera view) and ``<source>_keep`` (the others). Without ``--out``
the file is rewritten in place (atomically). Prints every split's size and
class count.
"""
from __future__ import annotations

import argparse
import os
import os.path as osp
import pickle
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__))))))

from mmaction_pose.datasets.splits import (carve_splits,  # noqa: E402
                                           holdout_split, split_labels)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('ann_file')
    parser.add_argument('--out', help='write here (default: in place)')
    parser.add_argument('--source', default='train')
    parser.add_argument('--val-fraction', type=float, default=0.)
    parser.add_argument('--fractions', type=float, nargs='*', default=[])
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--holdout', metavar='REGEX',
                        help='hold out the source samples whose name '
                        'matches (re.search): <source>_hold / _keep')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        with open(args.ann_file, 'rb') as f:
            data = pickle.load(f)
        new = carve_splits(data, args.source, args.val_fraction,
                           args.fractions, args.seed)
        if args.holdout:
            new.update(holdout_split(data, args.source, args.holdout))
    except (OSError, KeyError, ValueError, pickle.UnpicklingError) as e:
        print(f'error: {args.ann_file}: {e}', file=sys.stderr)
        return 1
    if not new:
        print('error: nothing to do (give --val-fraction, --fractions '
              'and/or --holdout)', file=sys.stderr)
        return 1
    data['split'] = {**data['split'], **new}
    out = args.out or args.ann_file
    tmp = out + '.tmp'
    with open(tmp, 'wb') as f:
        pickle.dump(data, f)
    os.replace(tmp, out)
    for name in data['split']:
        labels = split_labels(data, name)
        mark = ' (new)' if name in new else ''
        print(f'{name:20s} {len(labels):6d} samples, '
              f'{len(set(labels.values()))} classes{mark}')
    print(f'wrote {out}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
