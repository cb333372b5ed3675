# Copyright (c) mmaction-pose. All rights reserved.
"""PoseDataset pickle → one rendered mp4 per sample (+ matching pickle).

    python tools/data/render_pose_videos.py ANN.pkl OUT_DIR
        [--size 160] [--layout penn13] [--split train] [--max-samples N]
        [--workers 2] [--seed 0] [--overwrite]

Draws every person of every sample as a filled, clothed 2D figure moving
with the annotated joints, on a random background, with random clothing
colours and a smooth camera shake (``mmaction_pose.datasets.pose_rendering``),
so that RGB and RGB+pose models can be trained and tested on real human
motion (e.g. Penn Action's ground-truth joints). **The videos are a
rendering of the skeletons, not real footage**: results on them say nothing
about real video.

Writes ``OUT_DIR/<frame_dir>.mp4`` (size x size, 112–224 px, ``--fps``)
and ``OUT_DIR/annotations.pkl``: the same split and annotations with the
keypoints moved into the rendered frames' pixels (``img_shape =
original_shape = (size, size)``), ready for PoseDataset with
``data_prefix=dict(video=OUT_DIR)``: every annotation carries
``filename = '<frame_dir>.mp4'`` (relative to the video folder; mmaction2's
``PoseDataset`` prefixes it and selects splits by it, so the split lists
hold these file names) next to ``frame_dir``, ``keypoint``,
``keypoint_score`` and ``label``. A ``label_map.txt`` next to ANN.pkl is
copied beside the videos.

Rendering is deterministic per sample (seed + ``frame_dir``; the label is
never read, so nothing in a video depends on its class) and resumable after
a crash: videos are written to a temporary file and renamed when complete;
a rerun keeps every complete video (one whose frame count matches its
annotation) and recomputes its keypoints without drawing, unless
``--overwrite``. ``annotations.pkl`` is written last, atomically.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import os.path as osp
import pickle
import shutil
import sys
import time
import zlib
from typing import Any

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(
    __file__)))))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='render PoseDataset skeletons as videos of people')
    parser.add_argument('ann_file', help='PoseDataset .pkl')
    parser.add_argument('out_dir')
    parser.add_argument('--size', type=int, default=160,
                        help='frame side in pixels (112-224)')
    parser.add_argument('--layout', help='skeleton layout (default: '
                        'guessed from the number of joints)')
    parser.add_argument('--split', help='render only this split')
    parser.add_argument('--max-samples', type=int)
    parser.add_argument('--fps', type=float, default=30.0)
    parser.add_argument('--seed', type=int, default=0)
    parser.add_argument('--workers', type=int, default=1)
    parser.add_argument('--overwrite', action='store_true')
    args = parser.parse_args(argv)
    if not 112 <= args.size <= 224:
        parser.error('--size must be within 112-224')
    return args


def _sample_seed(seed: int, frame_dir: str) -> int:
    return (seed * 1000003 + zlib.crc32(frame_dir.encode())) % 2**32


def main(argv: list[str] | None = None) -> int:
    from mmengine.utils import ProgressBar

    from mmaction_pose.datasets.pose_rendering import render_sample
    args = parse_args(argv)
    try:
        with open(args.ann_file, 'rb') as f:
            data = pickle.load(f)
    except OSError as e:
        print(f'error: cannot read {args.ann_file}: {e}', file=sys.stderr)
        return 1
    split = data.get('split', {}) if isinstance(data, dict) else {}
    annos = data['annotations'] if isinstance(data, dict) else data
    if args.split:
        if args.split not in split:
            print(f'error: no split {args.split!r} in {args.ann_file} '
                  f'(has {sorted(split)})', file=sys.stderr)
            return 1
        keep = set(split[args.split])
        annos = [a for a in annos if a['frame_dir'] in keep]
    annos = annos[:args.max_samples]
    for anno in annos:
        os.makedirs(osp.dirname(osp.join(args.out_dir, anno['frame_dir'])),
                    exist_ok=True)
    items = [dict(anno=a, path=osp.join(args.out_dir, a['frame_dir'] +
                                        '.mp4'),
                  size=args.size, fps=args.fps, layout=args.layout,
                  seed=_sample_seed(args.seed, a['frame_dir']),
                  overwrite=args.overwrite) for a in annos]
    t0 = time.time()
    bar = ProgressBar(len(items))
    results: list[dict[str, Any] | str] = []
    if args.workers > 1:
        with mp.get_context('spawn').Pool(args.workers) as pool:
            for res in pool.imap(render_sample, items, 4):
                results.append(res)
                bar.update()
    else:
        for item in items:
            results.append(render_sample(item))
            bar.update()
    print()
    rendered = [r for r in results if isinstance(r, dict)]
    errors = [r for r in results if isinstance(r, str)]
    names = {r['frame_dir'] for r in rendered}
    out_split = {k: [n + '.mp4' for n in v if n in names]
                 for k, v in split.items()}
    out_split = {k: v for k, v in out_split.items() if v} or dict(
        all=sorted(n + '.mp4' for n in names))
    for anno in rendered:
        anno['filename'] = anno['frame_dir'] + '.mp4'
    out_file = osp.join(args.out_dir, 'annotations.pkl')
    with open(out_file + '.tmp', 'wb') as f:
        pickle.dump(dict(split=out_split, annotations=rendered), f)
    os.replace(out_file + '.tmp', out_file)
    label_map = osp.join(osp.dirname(osp.abspath(args.ann_file)),
                         'label_map.txt')
    if osp.isfile(label_map):
        shutil.copy(label_map, osp.join(args.out_dir, 'label_map.txt'))
    size_mb = sum(osp.getsize(it['path']) for it in items
                  if osp.isfile(it['path'])) / 2**20
    print(f'rendered {len(rendered)} samples ({args.size}x{args.size}) '
          f'into {args.out_dir} in {time.time() - t0:.0f} s '
          f'({size_mb:.1f} MB of video); {len(errors)} failed')
    for line in errors[:20]:
        print(f'  {line}', file=sys.stderr)
    return 0 if rendered else 2


if __name__ == '__main__':
    sys.exit(main())
