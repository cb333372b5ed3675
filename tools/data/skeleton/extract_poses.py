# Copyright (c) mmaction-pose. All rights reserved.
"""Videos + labels → an mmaction2 PoseDataset pickle of tracked 2D poses.

    python tools/data/skeleton/extract_poses.py OUT.pkl
        (--video-dir DIR | --video-list LIST) [--classes FILE]
        [--workers 2] [--short-side 480] [--pose-backend mediapipe ...]

Inputs:
  * ``--video-dir DIR``: ``DIR/<class>/<video>.<ext>``; labels are the
    indices of the sorted class folder names (or of ``--classes``). Videos
    directly in DIR get ``--default-label`` (-1: unlabelled).
  * ``--video-list LIST``: lines ``<path> <label> [<split>]``; the label is
    an integer or a class name (``--classes`` or sorted names); relative
    paths are relative to the list file.

Output: ``dict(split=..., annotations=[...])`` with, per video,
``frame_dir`` (path without extension, relative to DIR / the list),
``label``, ``keypoint (M, T, 17, 2)``, ``keypoint_score (M, T, 17)``,
``box (M, T, 4)``, ``img_shape``, ``original_shape``, ``total_frames``.
Splits come from the list's third column, else one split named
``--split-name``. The class names are written next to OUT.pkl
(``<OUT>_label_map.txt``).

Resumable: every finished video is saved at once in ``<OUT>.parts/``; a new
run skips those (``--overwrite`` redoes them). A video that fails (unreadable,
nobody found, ...) is logged in ``<OUT>.errors.txt`` and the run goes on; it
is retried by the next run.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import os.path as osp
import pickle
import sys
import tempfile
import time
from typing import Any

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__))))))

VIDEO_EXTS = ('.mp4', '.avi', '.mkv', '.mov', '.webm', '.m4v', '.mpg')


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from mmaction_pose.apis.pose_backends import add_pose_backend_args
    parser = argparse.ArgumentParser(
        description='videos → PoseDataset pickle (tracked 2D poses)')
    parser.add_argument('out', help='output .pkl')
    src = parser.add_mutually_exclusive_group(required=True)
    src.add_argument('--video-dir', help='DIR/<class>/<video>')
    src.add_argument('--video-list', help='lines: path label [split]')
    parser.add_argument('--classes', help='class names, one per line')
    parser.add_argument('--default-label', type=int, default=-1)
    parser.add_argument('--split-name', default='all')
    parser.add_argument('--workers', type=int, default=1,
                        help='worker processes')
    parser.add_argument('--short-side', type=int, default=0,
                        help='resize frames to this short side first '
                        '(0: keep)')
    parser.add_argument('--overwrite', action='store_true',
                        help='redo videos finished by an earlier run')
    add_pose_backend_args(parser)
    return parser.parse_args(argv)


def _read_classes(path: str | None) -> list[str] | None:
    if not path:
        return None
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def collect_jobs(args: argparse.Namespace
                 ) -> tuple[list[dict[str, Any]], list[str]]:
    """``[dict(video, frame_dir, label, split)]`` and the class names."""
    classes = _read_classes(args.classes)
    jobs = []
    if args.video_dir:
        root = args.video_dir
        if not osp.isdir(root):
            raise FileNotFoundError(f'{root} is not a folder')
        folders = sorted(d for d in os.listdir(root)
                         if osp.isdir(osp.join(root, d)))
        classes = classes or folders
        for entry in sorted(os.listdir(root)):
            path = osp.join(root, entry)
            if entry.lower().endswith(VIDEO_EXTS) and osp.isfile(path):
                jobs.append(dict(video=path, frame_dir=osp.splitext(entry)[0],
                                 label=args.default_label))
        for folder in folders:
            if folder not in classes:
                raise ValueError(f'class folder {folder!r} is not in '
                                 f'{args.classes}')
            for entry in sorted(os.listdir(osp.join(root, folder))):
                if entry.lower().endswith(VIDEO_EXTS):
                    jobs.append(dict(
                        video=osp.join(root, folder, entry),
                        frame_dir=f'{folder}/{osp.splitext(entry)[0]}',
                        label=classes.index(folder)))
    else:
        base = osp.dirname(osp.abspath(args.video_list))
        rows = []
        with open(args.video_list) as f:
            for n, line in enumerate(f, 1):
                parts = line.split()
                if not parts or parts[0].startswith('#'):
                    continue
                if len(parts) not in (2, 3):
                    raise ValueError(f'{args.video_list}:{n}: expected '
                                     '"path label [split]"')
                rows.append(parts)
        names = sorted({p[1] for p in rows if not p[1].lstrip('-').isdigit()})
        classes = classes or names
        for parts in rows:
            path = parts[0] if osp.isabs(parts[0]) else osp.join(
                base, parts[0])
            label = int(parts[1]) if parts[1].lstrip('-').isdigit() \
                else classes.index(parts[1])
            jobs.append(dict(video=path,
                             frame_dir=osp.splitext(parts[0])[0],
                             label=label,
                             split=parts[2] if len(parts) == 3 else None))
    seen = set()
    for job in jobs:
        if job['frame_dir'] in seen:
            raise ValueError(f'duplicate video name {job["frame_dir"]!r}')
        seen.add(job['frame_dir'])
    return jobs, classes or []


def part_path(parts_dir: str, frame_dir: str) -> str:
    return osp.join(parts_dir, frame_dir.replace('/', '__') + '.pkl')


def _atomic_dump(obj: Any, path: str) -> None:
    fd, tmp = tempfile.mkstemp(suffix='.tmp', dir=osp.dirname(path))
    with os.fdopen(fd, 'wb') as f:
        pickle.dump(obj, f)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    import mmaction_pose  # noqa: F401
    from mmengine.utils import ProgressBar

    from mmaction_pose.apis.pose_extraction import (extract_job,
                                                    init_extraction_worker)
    args = parse_args(argv)
    try:
        jobs, classes = collect_jobs(args)
    except (FileNotFoundError, ValueError) as e:
        print(f'error: {e}', file=sys.stderr)
        return 1
    out_dir = osp.dirname(osp.abspath(args.out))
    parts_dir = args.out + '.parts'
    os.makedirs(parts_dir, exist_ok=True)
    error_log = args.out + '.errors.txt'
    todo = [j for j in jobs if args.overwrite or
            not osp.isfile(part_path(parts_dir, j['frame_dir']))]
    print(f'{len(jobs)} videos, {len(jobs) - len(todo)} already done, '
          f'{len(todo)} to extract with {args.workers} worker(s)')
    failed: dict[str, str] = {}
    if todo:
        bar = ProgressBar(len(todo))
        for job in todo:
            job.update(out_path=part_path(parts_dir, job['frame_dir']),
                       max_people=args.max_people,
                       short_side=args.short_side or None)
        with open(error_log, 'a') as log:
            if args.workers <= 1:
                init_extraction_worker(args)
                results = map(extract_job, todo)
                pool = None
            else:
                pool = mp.get_context('spawn').Pool(
                    args.workers, initializer=init_extraction_worker,
                    initargs=(args, ))
                results = pool.imap_unordered(extract_job, todo)
            try:
                for job, error in results:
                    if error:
                        failed[job['frame_dir']] = error
                        log.write(f'{time.strftime("%Y-%m-%d %H:%M:%S")}\t'
                                  f'{job["video"]}\t{error}\n')
                        log.flush()
                    bar.update()
            finally:
                if pool is not None:
                    pool.close()
                    pool.join()
        print()
    annotations, splits = [], {}
    for job in jobs:
        path = part_path(parts_dir, job['frame_dir'])
        if not osp.isfile(path):
            continue
        with open(path, 'rb') as f:
            annotations.append(pickle.load(f))
        split = job.get('split') or args.split_name
        splits.setdefault(split, []).append(job['frame_dir'])
    os.makedirs(out_dir, exist_ok=True)
    _atomic_dump(dict(split=splits, annotations=annotations), args.out)
    if classes:
        with open(osp.splitext(args.out)[0] + '_label_map.txt', 'w') as f:
            f.write('\n'.join(classes) + '\n')
    print(f'wrote {len(annotations)} annotations to {args.out}; '
          f'{len(failed)} failed this run' +
          (f' (see {error_log})' if failed else ''))
    for name, error in list(failed.items())[:10]:
        print(f'  {name}: {error.splitlines()[0]}', file=sys.stderr)
    return 0 if annotations or not jobs else 2


if __name__ == '__main__':
    sys.exit(main())
