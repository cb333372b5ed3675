# Copyright (c) mmaction-pose. All rights reserved.
"""Videos → dense optical flow stored as mmaction2 flow rawframes.

    python tools/data/extract_flow.py VIDEO_DIR OUT_DIR [--ann ANN.pkl]
        [--algo dis|tvl1|farneback] [--bound 20] [--workers 2]
        [--split train [test ...]] [--overwrite]

For every video of ``--ann`` (a PoseDataset pickle whose annotations name
their video by ``filename``, relative to VIDEO_DIR, or else
``<frame_dir>.mp4``), or for every ``VIDEO_DIR/*.mp4`` without ``--ann``,
computes the optical flow between consecutive frames (grayscale, OpenCV) and
writes it the way mmaction2 reads flow rawframes:

- one folder per video, ``OUT_DIR/<frame_dir>/`` (the video's stem without
  ``--ann``);
- ``flow_x_00001.jpg``, ``flow_y_00001.jpg``, ... ``flow_{x,y}_{T-1:05d}.jpg``
  for a video of T frames, i.e. ``filename_tmpl = 'flow_{}_{:05d}.jpg'``
  with **start index 1** (mmaction2's ``RawframeDataset`` default
  ``start_index=1``, and the ``flow_x_00001.jpg`` layout of its
  ``tools/data/*/README.md``). ``RawFrameDecode(modality='Flow')`` reads
  ``filename_tmpl.format('x', i)`` and ``.format('y', i)`` for every
  sampled index ``i`` (``mmaction/datasets/transforms/loading.py``);
- flow file ``k`` is the flow from video frame ``k - 1`` to frame ``k``
  (0-based video frames);
- one grayscale JPEG per component, quantised as TSN's ``dense_flow`` /
  ``denseflow`` do: ``clip((flow + bound) / (2 * bound) * 255, 0, 255)``,
  rounded, ``bound`` in pixels (20 by default), so 128 is zero motion and
  ``255 - v`` is the negated flow.

With ``--ann`` it also writes ``OUT_DIR/annotations.pkl``: the input
annotations of the videos that are complete, with ``filename`` removed (so
that PoseDataset selects splits and finds folders by ``frame_dir``; the split
lists are rewritten to ``frame_dir`` names), ``total_frames = T - 1`` (the
number of flow pairs) and the per-frame arrays (every ``(M, T, ...)`` array:
``keypoint``, ``keypoint_score``, ...) trimmed to the first ``T - 1``
frames: entry ``j`` is video frame ``j``, the source frame of flow file
``j + 1``. PoseDataset with ``data_prefix=dict(video=OUT_DIR)``
then points ``frame_dir`` at the folders; the pipeline's
``RawFramesInit`` / ``FlowPoseDecode``
(``mmaction_pose/datasets/transforms/flow_frames.py``) supply the modality,
template and start index and select the matching keypoints
(``configs/_base_/datasets/penn_action_rendered/flow.py``).

Algorithms: ``dis`` (the default; ``cv2.DISOpticalFlow`` preset MEDIUM, in
main OpenCV), ``tvl1`` (``cv2.optflow.DualTVL1OpticalFlow``, TSN's flow,
needs opencv-contrib; about 100x slower than DIS here: see
``tools/README.md``) and ``farneback``.

Resumable after a crash: a video is written into ``<frame_dir>.tmp/`` and
renamed when complete; a rerun skips every complete folder (exactly the
``2 * (T - 1)`` expected files; without ``--ann``, where T is not known
beforehand, a folder counts as complete when its x and y files are
numbered 1..n without gaps) and redoes a half-written ``.tmp`` folder,
unless ``--overwrite``. ``annotations.pkl`` is written last, atomically. A
missing or undecodable video, or one whose decoded frame count differs
from its annotation's ``total_frames``, is reported by one ``error:`` line
naming it at the end; the others go on, and the exit status is 1.
"""
from __future__ import annotations

import argparse
import glob
import multiprocessing as mp
import os
import os.path as osp
import pickle
import shutil
import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(
    __file__)))))

FILENAME_TMPL = 'flow_{}_{:05d}.jpg'
START_INDEX = 1
ALGOS = ('dis', 'tvl1', 'farneback')
JPEG_QUALITY = 95  # OpenCV's default, as denseflow writes them


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='videos -> optical flow rawframes (flow_x/flow_y JPEGs)')
    parser.add_argument('video_dir')
    parser.add_argument('out_dir')
    parser.add_argument('--ann', help='PoseDataset .pkl naming the videos '
                        '(default: every VIDEO_DIR/*.mp4, no annotations)')
    parser.add_argument('--algo', choices=ALGOS, default='dis')
    parser.add_argument('--bound', type=float, default=20.0,
                        help='flow magnitude (px) mapped to 0 / 255')
    parser.add_argument('--workers', type=int, default=2)
    parser.add_argument('--split', nargs='+',
                        help='only the videos of these splits (needs --ann)')
    parser.add_argument('--overwrite', action='store_true')
    args = parser.parse_args(argv)
    if args.split and not args.ann:
        parser.error('--split needs --ann')
    if args.bound <= 0:
        parser.error('--bound must be positive')
    return args


def quantize_flow(flow: np.ndarray, bound: float) -> np.ndarray:
    """Flow ``(H, W, 2)`` in pixels → ``(H, W, 2)`` uint8, ``bound`` → 255."""
    scaled = (flow.astype(np.float32) + bound) * (255.0 / (2 * bound))
    return np.rint(np.clip(scaled, 0, 255)).astype(np.uint8)


def flow_file_names(num_pairs: int) -> list[str]:
    """The files of a complete folder of ``num_pairs`` flow fields."""
    return [FILENAME_TMPL.format(axis, k)
            for k in range(START_INDEX, START_INDEX + num_pairs)
            for axis in 'xy']


def is_complete(folder: str, num_pairs: int | None) -> bool:
    """Whether ``folder`` holds exactly the files of ``num_pairs`` pairs
    (``None``: as many as its ``flow_x`` files, at least one)."""
    if not osp.isdir(folder):
        return False
    names = set(os.listdir(folder))
    if num_pairs is None:
        num_pairs = sum(n.startswith('flow_x_') for n in names)
    return num_pairs > 0 and names == set(flow_file_names(num_pairs))


_FLOW: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {}


def flow_function(algo: str) -> Callable[[np.ndarray, np.ndarray],
                                         np.ndarray]:
    """``f(prev, next) -> (H, W, 2)`` float32 flow for two gray frames."""
    import cv2
    if algo not in _FLOW:
        if algo == 'dis':
            dis = cv2.DISOpticalFlow_create(cv2.DISOPTICAL_FLOW_PRESET_MEDIUM)
            _FLOW[algo] = lambda a, b: dis.calc(a, b, None)
        elif algo == 'tvl1':
            if not hasattr(cv2, 'optflow'):
                raise ImportError('--algo tvl1 needs opencv-contrib-python '
                                  '(cv2.optflow), see tools/requirements/')
            tvl1 = cv2.optflow.DualTVL1OpticalFlow_create()
            _FLOW[algo] = lambda a, b: tvl1.calc(a, b, None)
        elif algo == 'farneback':
            _FLOW[algo] = lambda a, b: cv2.calcOpticalFlowFarneback(
                a, b, None, 0.5, 3, 15, 3, 5, 1.2, 0)
        else:
            raise ValueError(f'unknown flow algorithm {algo!r}')
    return _FLOW[algo]


def _write_flow(folder: str, flow: Callable, video: str,
                bound: float) -> int:
    """Write the flow files of ``video`` into ``folder``; the pair count."""
    import cv2

    from mmaction_pose.apis.video_io import iter_frames
    prev, k = None, START_INDEX - 1
    for frame in iter_frames(video):
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
        if prev is not None:
            k += 1
            q = quantize_flow(flow(prev, gray), bound)
            for c, axis in enumerate('xy'):
                path = osp.join(folder, FILENAME_TMPL.format(axis, k))
                if not cv2.imwrite(path, q[..., c],
                                   [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY]):
                    raise OSError(f'cannot write {path}')
        prev = gray
    return k - START_INDEX + 1


def extract_video(item: dict[str, Any]) -> dict[str, Any]:
    """Flow files of one video (a pool task).

    Args:
        item: ``video`` (path), ``out`` (its flow folder), ``total_frames``
            (the annotation's T, or ``None``), ``algo``, ``bound``,
            ``overwrite``.

    Returns:
        ``out``, ``status`` (``'extracted'`` or ``'skipped'``, i.e. already
        complete) and ``pairs``; or ``out`` and ``error`` (one line naming
        the video).
    """
    import cv2

    from mmaction_pose.apis.video_io import VideoReadError
    out, video = item['out'], item['video']
    total = item['total_frames']
    expected = None if total is None else total - 1
    if not item['overwrite'] and is_complete(out, expected):
        pairs = expected or sum(
            n.startswith('flow_x_') for n in os.listdir(out))
        return dict(out=out, status='skipped', pairs=pairs)
    tmp = out.rstrip('/') + '.tmp'
    try:
        shutil.rmtree(tmp, ignore_errors=True)  # left half-written by a crash
        os.makedirs(tmp)
        pairs = _write_flow(tmp, flow_function(item['algo']), video,
                            item['bound'])
        if pairs < 1:
            raise VideoReadError(f'{video}: a single frame, no flow')
        if expected is not None and pairs != expected:
            raise VideoReadError(
                f'{video}: decoded {pairs + 1} frames, the annotation says '
                f'total_frames={total}')
        if osp.isdir(out):
            shutil.rmtree(out)  # incomplete, or --overwrite
        os.replace(tmp, out)
    except (OSError, cv2.error) as e:
        shutil.rmtree(tmp, ignore_errors=True)
        msg = str(e).strip().splitlines()[-1] if str(e).strip() else repr(e)
        if video not in msg:
            msg = f'{video}: {msg}'
        return dict(out=out, error=msg)
    return dict(out=out, status='extracted', pairs=pairs)


def _init_worker() -> None:
    import cv2
    cv2.setNumThreads(1)  # one core per worker


def _flow_annotations(data: dict[str, Any], annos: list[dict[str, Any]],
                      pairs: dict[str, int]) -> dict[str, Any]:
    """The input pickle re-pointed at the flow folders (see the module
    docstring); ``pairs`` maps ``frame_dir`` to its flow pair count."""
    out_annos, names = [], {}
    for anno in annos:
        n = pairs.get(anno['frame_dir'])
        if n is None:
            continue
        new = {k: v for k, v in anno.items() if k != 'filename'}
        for key, value in new.items():  # keypoint, keypoint_score, ...
            if isinstance(value, np.ndarray) and value.ndim >= 2 and \
                    value.shape[1] == anno['total_frames']:
                new[key] = value[:, :n]
        new['total_frames'] = n
        out_annos.append(new)
        names[anno.get('filename', anno['frame_dir'])] = anno['frame_dir']
        names[anno['frame_dir']] = anno['frame_dir']
    split = {k: [names[n] for n in v if n in names]
             for k, v in data.get('split', {}).items()}
    return dict(data, split={k: v for k, v in split.items() if v},
                annotations=out_annos)


def main(argv: list[str] | None = None) -> int:
    from mmengine.utils import ProgressBar
    args = parse_args(argv)
    data: dict[str, Any] | None = None
    if args.ann:
        try:
            with open(args.ann, 'rb') as f:
                data = pickle.load(f)
        except OSError as e:
            print(f'error: cannot read {args.ann}: {e}', file=sys.stderr)
            return 1
        if not isinstance(data, dict):
            data = dict(annotations=data)
        annos = data['annotations']
        if args.split:
            missing = set(args.split) - set(data.get('split', {}))
            if missing:
                print(f'error: no split {sorted(missing)} in {args.ann} '
                      f"(has {sorted(data.get('split', {}))})",
                      file=sys.stderr)
                return 1
            keep = set().union(*(data['split'][s] for s in args.split))
            annos = [a for a in annos
                     if a.get('filename', a['frame_dir']) in keep]
        jobs = [(a['frame_dir'],
                 osp.join(args.video_dir,
                          a.get('filename', a['frame_dir'] + '.mp4')),
                 a['total_frames']) for a in annos]
    else:
        videos = sorted(glob.glob(osp.join(args.video_dir, '*.mp4')))
        jobs = [(osp.splitext(osp.basename(v))[0], v, None) for v in videos]
    items = [dict(frame_dir=name, video=video, total_frames=total,
                  out=osp.join(args.out_dir, name), algo=args.algo,
                  bound=args.bound, overwrite=args.overwrite)
             for name, video, total in jobs]
    for item in items:
        os.makedirs(osp.dirname(item['out']), exist_ok=True)
    try:
        flow_function(args.algo)  # fail early on a missing algorithm
    except ImportError as e:
        print(f'error: {e}', file=sys.stderr)
        return 1

    t0 = time.time()
    bar = ProgressBar(len(items))
    results: list[dict[str, Any]] = []
    if args.workers > 1 and len(items) > 1:
        with mp.get_context('spawn').Pool(args.workers,
                                          _init_worker) as pool:
            for res in pool.imap(extract_video, items, 4):
                results.append(res)
                bar.update()
    else:
        for item in items:
            results.append(extract_video(item))
            bar.update()
    print()
    pairs, errors, n_new = {}, [], 0
    for item, res in zip(items, results):
        if 'error' in res:
            errors.append(res['error'])
        else:
            pairs[item['frame_dir']] = res['pairs']
            n_new += res['status'] == 'extracted'
    if data is not None:
        out_file = osp.join(args.out_dir, 'annotations.pkl')
        with open(out_file + '.tmp', 'wb') as f:
            pickle.dump(_flow_annotations(data, annos, pairs), f)
        os.replace(out_file + '.tmp', out_file)
        label_map = osp.join(osp.dirname(osp.abspath(args.ann)),
                             'label_map.txt')
        if osp.isfile(label_map):
            shutil.copy(label_map, osp.join(args.out_dir, 'label_map.txt'))
    print(f'{args.algo} flow (bound {args.bound:g}) of {len(items)} videos '
          f'into {args.out_dir}: {n_new} extracted, '
          f'{len(pairs) - n_new} already complete, {len(errors)} failed, '
          f'{sum(pairs.values())} flow pairs, {time.time() - t0:.0f} s')
    for line in errors:
        print(f'error: {line}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
