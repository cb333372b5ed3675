# Copyright (c) mmaction-pose. All rights reserved.
"""End-to-end FPS of the real-time demo pipeline over a video file.

    python tools/analysis_tools/benchmark_webcam_demo.py VIDEO
        [--config CFG --checkpoint CKPT | --random-weights]
        [--resize 640 480] [--repeat 3] [--output out.mp4] [--json out.json]

Runs exactly what ``demo/webcam_demo.py`` runs (pose thread + recognition
thread + rendering, headless), with every frame of VIDEO resized to
``--resize`` (640x480 by default), and reports rendered frames per second,
mean pose and recognition latency, and the number of recognitions.
``--repeat`` plays the video several times (the pose backend and tracker
are reset between plays, the model is loaded once; the first play is a
warm-up unless ``--repeat 1``).

Model: ``--config/--checkpoint``, or the default Penn Action model, or,
with ``--random-weights``, that architecture (or ``--config``'s) with random
weights: speed does not depend on the weights.

``--action-backends torch onnxruntime --onnx MODEL.onnx`` measures both
action backends in one run, side by side (plays alternate between them
after one warm-up play each; export MODEL.onnx with ``--no-flip``, as the
demo tests one clip without flip), and prints a table of end-to-end FPS
and recognition latency.
"""
from __future__ import annotations

import argparse
import json
import os
import os.path as osp
import platform
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmaction_pose.apis.inference import (  # noqa: E402
    BACKENDS, DEFAULT_CONFIG, SkeletonRecognizer, add_recognizer_args,
    recognizer_from_args, resolve_model_args)
from mmaction_pose.apis.pose_backends import (  # noqa: E402
    add_pose_backend_args, pose_backend_from_args)
from mmaction_pose.apis.realtime import RealtimeSkeletonPipeline  # noqa


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='FPS of the real-time skeleton demo over a video')
    parser.add_argument('video')
    parser.add_argument('--resize', type=int, nargs=2, default=(640, 480),
                        metavar=('W', 'H'))
    parser.add_argument('--repeat', type=int, default=3)
    parser.add_argument('--window', type=int, default=48)
    parser.add_argument('--stride', type=int, default=8)
    parser.add_argument('--random-weights', action='store_true',
                        help='no checkpoint: random weights')
    parser.add_argument('--output', help='also write the annotated video')
    parser.add_argument('--json', help='write the results here')
    parser.add_argument('--action-backends', nargs='+', choices=BACKENDS,
                        help='measure several action backends side by side '
                        '(default: --action-backend)')
    add_recognizer_args(parser)
    add_pose_backend_args(parser, detect_interval=15)
    return parser.parse_args(argv)


def _recognizer(args: argparse.Namespace, backend: str
                ) -> tuple[SkeletonRecognizer, str, str]:
    """The recognizer of one backend, its config and weights' name."""
    if backend == 'onnxruntime':
        args = argparse.Namespace(**{**vars(args),
                                     'action_backend': backend})
        rec = recognizer_from_args(args, default_threads=1, num_clips=1,
                               double=False)
        return rec, args.onnx, args.onnx
    if args.random_weights:
        config, checkpoint = args.config or str(DEFAULT_CONFIG), None
    else:
        config, checkpoint = resolve_model_args(args.config, args.checkpoint)
    rec = SkeletonRecognizer(config, checkpoint, device=args.device,
                             label_map=args.label_map, num_clips=1,
                             double=False)
    return rec, config, checkpoint or 'random weights'


def _summary(args: argparse.Namespace, runs: list[dict], config: str,
             weights: str, backend: str) -> dict:
    timed = runs[1:] if len(runs) > 1 else runs
    frames = sum(r['frames'] for r in timed)
    wall = sum(r['wall_s'] for r in timed)
    rec_ms = [r['recognition_ms'] for r in timed
              if r['recognition_ms'] is not None]
    return dict(
        video=args.video, resize=list(args.resize), config=config,
        checkpoint=weights, action_backend=backend,
        pose_backend=args.pose_backend, fps=round(frames / wall, 2),
        pose_ms=round(sum(r['pose_ms'] * r['frames'] for r in timed) /
                      frames, 1),
        recognitions=sum(r['recognitions'] for r in timed),
        recognition_ms=round(float(sum(rec_ms) / len(rec_ms)), 1)
        if rec_ms else None,
        cpu_count=os.cpu_count(), load_avg=os.getloadavg(),
        machine=platform.processor() or platform.machine(), runs=runs)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    backends = args.action_backends or [args.action_backend]
    backend = pose_backend_from_args(args)
    models, pipes = {}, {}
    for name in backends:
        models[name] = _recognizer(args, name)
        pipes[name] = RealtimeSkeletonPipeline(
            backend, models[name][0], window=args.window,
            stride=args.stride, max_people=args.max_people)
    runs: dict[str, list[dict]] = {name: [] for name in backends}
    for i in range(max(1, args.repeat)):
        for name in backends:  # alternate: both see the same machine load
            out = args.output if (i == args.repeat - 1 and
                                  name == backends[0]) else None
            stats = pipes[name].run(args.video, output=out,
                                    resize=tuple(args.resize))
            runs[name].append(stats.summary())
            print(f'{name} play {i + 1}: {json.dumps(runs[name][-1])}',
                  flush=True)
    backend.close()
    results = {name: _summary(args, runs[name], *models[name][1:], name)
               for name in backends}
    if len(backends) > 1:
        print(f"{'action backend':16s} {'FPS':>7s} {'recognition ms':>15s} "
              f"{'pose ms':>8s} {'recognitions':>12s}")
        for name, res in results.items():
            print(f"{name:16s} {res['fps']:7.2f} "
                  f"{res['recognition_ms'] or float('nan'):15.1f} "
                  f"{res['pose_ms']:8.1f} {res['recognitions']:12d}")
        base = results[backends[0]]['recognition_ms']
        for name in backends[1:]:
            other = results[name]['recognition_ms']
            if base and other:
                print(f'recognition latency {name} / {backends[0]}: '
                      f'{other / base:.2f}x')
    result = dict(results[backends[0]], backends=results)
    print(json.dumps(result))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(result, f, indent=1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
