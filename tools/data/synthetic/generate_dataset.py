# Copyright (c) mmaction-pose. All rights reserved.
"""Generate the synthetic COCO-17 skeleton action dataset (PoseDataset pkl).

    python tools/data/synthetic/generate_dataset.py [--out-dir data/synthetic]
        [--train-per-class 120] [--test-per-class 40] [--seed 0]

Writes ``synthetic_coco17.pkl`` (splits ``train`` / ``test``) and
``label_map.txt``. Deterministic for a given seed; about 10 s.
"""
import argparse
import os
import os.path as osp
import pickle
import sys
import time

sys.path.insert(
    0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(
        osp.abspath(__file__))))))

from mmaction_pose.datasets.synthetic import (CLASSES,  # noqa: E402
                                              SyntheticConfig,
                                              generate_dataset)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--out-dir', default='data/synthetic')
    parser.add_argument('--train-per-class', type=int, default=120)
    parser.add_argument('--test-per-class', type=int, default=40)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--force', action='store_true',
                        help='regenerate even if the file exists')
    args = parser.parse_args()
    out = osp.join(args.out_dir, 'synthetic_coco17.pkl')
    if osp.exists(out) and not args.force:
        print(f'{out} exists (use --force to regenerate)')
        return
    os.makedirs(args.out_dir, exist_ok=True)
    t0 = time.time()
    cfg = SyntheticConfig(train_per_class=args.train_per_class,
                          test_per_class=args.test_per_class)
    data = generate_dataset(args.seed, cfg, progress=True)
    tmp = out + '.tmp'
    with open(tmp, 'wb') as f:
        pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, out)  # never leave a half-written pickle behind
    with open(osp.join(args.out_dir, 'label_map.txt'), 'w') as f:
        f.write('\n'.join(CLASSES) + '\n')
    print(f'\nwrote {out}: {len(data["split"]["train"])} train / '
          f'{len(data["split"]["test"])} test samples, {len(CLASSES)} '
          f'classes in {time.time() - t0:.1f} s')


if __name__ == '__main__':
    main()
