# Copyright (c) mmaction-pose. All rights reserved.
"""Video decoding backends and the RGB + pose training pipeline on the
rendered Penn Action videos, in one run, with ratios.

    python tools/analysis_tools/benchmark_video_decode.py \\
        [--videos data/penn_action_rgb] [--num-videos 200] [--seconds 5]
        [--config configs/rgbpose_conv3d/penn_action_rendered.py]

Backends (each one that imports; the others are reported missing):

* ``decord``: ``VideoReader.get_batch`` (what mmaction2's ``MMDecode`` and
  ``DecordDecode`` do; the reference of the ``ratio`` column);
* ``pyav``: demux + decode from the start, keep the wanted frames;
* ``opencv``: ``cv2.VideoCapture`` ``grab()`` every frame, ``retrieve()``
  the wanted ones, BGR -> RGB.

Cases: the 8 frames of a training clip (``MMUniformSampleFrames``
train indices, RGB=8) and the 80 frames of a 10-clip test sample, per video
(open + decode), as videos/s. Then the whole training pipeline of
``--config`` (sampling, decode, crop, flip, heatmaps, packing) in samples/s,
in the main process and through a ``DataLoader`` with 1 and 2 workers.
"""
from __future__ import annotations

import argparse
import glob
import os
import os.path as osp
import sys
import time
from collections.abc import Callable

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(
    __file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)


def decode_decord(path: str, inds: np.ndarray) -> np.ndarray:
    import decord
    reader = decord.VideoReader(path, num_threads=1)
    return reader.get_batch(list(inds)).asnumpy()


def decode_pyav(path: str, inds: np.ndarray) -> np.ndarray:
    import av
    wanted = {int(i) for i in inds}
    last = max(wanted)
    got = {}
    with av.open(path) as container:
        stream = container.streams.video[0]
        stream.thread_type = 'NONE'
        for i, frame in enumerate(container.decode(stream)):
            if i in wanted:
                got[i] = frame.to_ndarray(format='rgb24')
            if i >= last:
                break
    return np.stack([got[int(i)] for i in inds])


def decode_opencv(path: str, inds: np.ndarray) -> np.ndarray:
    import cv2
    wanted = {int(i) for i in inds}
    last = max(wanted)
    cap = cv2.VideoCapture(path)
    got = {}
    try:
        for i in range(last + 1):
            if not cap.grab():
                break
            if i in wanted:
                ok, frame = cap.retrieve()
                got[i] = cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
    finally:
        cap.release()
    return np.stack([got[int(i)] for i in inds])


BACKENDS: dict[str, tuple[str, Callable]] = {
    'decord': ('decord', decode_decord),
    'pyav': ('av', decode_pyav),
    'opencv': ('cv2', decode_opencv),
}


def available(module: str) -> str | None:
    """None if ``module`` imports, else the error."""
    try:
        __import__(module)
        return None
    except Exception as err:  # noqa: BLE001
        return f'{type(err).__name__}: {err}'


def clip_indices(total: int, test: bool, seed: int) -> np.ndarray:
    from mmaction.datasets.transforms import MMUniformSampleFrames
    sampler = MMUniformSampleFrames(clip_len=dict(RGB=8),
                                    num_clips=10 if test else 1,
                                    test_mode=test, seed=seed)
    out = sampler(dict(total_frames=total, modality='RGB'))
    return out['RGB_inds']


def rate(fn: Callable[[int], object], n: int, seconds: float) -> float:
    """Calls per second of ``fn(i)`` over i = 0, 1, ... (mod ``n``) for
    ``seconds``."""
    fn(0)  # warm-up
    start, i = time.perf_counter(), 0
    while time.perf_counter() - start < seconds:
        fn(i % n)
        i += 1
    return i / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    import cv2
    import torch
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--videos', default='data/penn_action_rgb')
    parser.add_argument('--num-videos', type=int, default=200)
    parser.add_argument('--seconds', type=float, default=5.0)
    parser.add_argument(
        '--config', default='configs/rgbpose_conv3d/penn_action_rendered.py')
    parser.add_argument('--rounds', type=int, default=5,
                        help='interleaved timing rounds per backend (median)')
    parser.add_argument('--skip-pipeline', action='store_true')
    args = parser.parse_args(argv)
    paths = sorted(glob.glob(osp.join(args.videos, '*.mp4')))[
        :args.num_videos]
    if not paths:
        print(f'error: no mp4 in {args.videos} (make penn-rgb-data)',
              file=sys.stderr)
        return 1
    torch.set_num_threads(1)
    cv2.setNumThreads(1)
    totals = []
    for p in paths:
        cap = cv2.VideoCapture(p)
        totals.append(int(cap.get(cv2.CAP_PROP_FRAME_COUNT)))
        cap.release()
    print(f'{len(paths)} videos from {args.videos}, '
          f'{np.mean(totals):.0f} frames on average; '
          f'CPUs: {os.cpu_count()}, one thread per process')
    rows = []
    ref: dict[str, float] = {}
    for case, test in (('train clip, 8 frames', False),
                       ('test sample, 10 clips x 8 frames', True)):
        inds = [clip_indices(t, test, i) for i, t in enumerate(totals)]
        outputs, speeds = {}, {}
        for name, (module, fn) in BACKENDS.items():
            missing = available(module)
            if missing:
                rows.append((case, name, None, None, f'not installed '
                             f'({missing})'))
                continue
            outputs[name] = fn(paths[0], inds[0])
            speeds[name] = []
        # Interleaved rounds, median: a load that comes and goes on a
        # shared machine hits every backend alike.
        for _ in range(args.rounds):
            for name in speeds:
                fn = BACKENDS[name][1]
                speeds[name].append(rate(
                    lambda i: fn(paths[i], inds[i]), len(paths),
                    args.seconds / args.rounds))
        base_name = next(iter(outputs))
        base = outputs[base_name].astype(int)
        for name, values in speeds.items():
            speed = float(np.median(values))
            ref.setdefault(case, speed)
            diff = np.abs(outputs[name].astype(int) - base).mean()
            rows.append((case, name, speed, speed / ref[case],
                         f'mean |pixel diff| vs {base_name}: {diff:.2f}'))
    print('\n| case | backend | videos/s | ratio | note |')
    print('|---|---|---:|---:|---|')
    for case, name, speed, ratio, note in rows:
        s = f'{speed:.1f}' if speed else '-'
        r = f'{ratio:.2f}x' if ratio else '-'
        print(f'| {case} | {name} | {s} | {r} | {note} |')
    if args.skip_pipeline:
        return 0
    from mmengine.config import Config
    from mmengine.dataset import pseudo_collate
    from torch.utils.data import DataLoader

    from mmaction_pose.registry import DATASETS
    from mmaction_pose.utils import register_all_modules
    register_all_modules()
    cfg = Config.fromfile(args.config)
    ds_cfg = cfg.train_dataloader.dataset
    ds_cfg.data_prefix = dict(video=args.videos)
    ds_cfg.ann_file = osp.join(args.videos, 'annotations.pkl')
    dataset = DATASETS.build(ds_cfg)
    n = min(len(dataset), args.num_videos)
    print(f'\nRGB + pose training pipeline of {args.config} '
          f'({len(dataset)} samples):')
    print('| where | samples/s |')
    print('|---|---:|')
    print(f'| main process | {rate(lambda i: dataset[i], n, args.seconds):.1f}'
          ' |')
    for workers in (1, 2):
        loader = DataLoader(dataset, batch_size=8, num_workers=workers,
                            collate_fn=pseudo_collate, shuffle=True)
        it = iter(loader)
        next(it)
        start, count = time.perf_counter(), 0
        for batch in it:
            count += len(batch['inputs'])
            if time.perf_counter() - start > args.seconds and count >= 64:
                break
        print(f'| DataLoader, {workers} worker(s), batch 8 | '
              f'{count / (time.perf_counter() - start):.1f} |')
    return 0


if __name__ == '__main__':
    sys.exit(main())
