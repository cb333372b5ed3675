# Copyright (c) mmaction-pose. All rights reserved.
"""Real-time skeleton action recognition from a camera, stream or video.

    python demo/webcam_demo.py [--source 0] [--config CFG --checkpoint CKPT |
        --action-backend onnxruntime --onnx MODEL.onnx] [--output out.mp4] [--headless] [--resize 640 480] [--window 48]
        [--stride 8] [--pose-backend mediapipe|mmpose ...]

Pose estimation (+ tracking) and recognition run in separate threads; the
recognizer classifies the last ``--window`` frames of poses every
``--stride`` frames; frames are rendered at the source rate with skeletons,
boxes, the top-k labels and the FPS. ``--source`` is a camera index, a
stream URL or a video file (so the demo runs without a camera). Without a
display (no ``$DISPLAY``) or with ``--headless`` nothing is shown; use
``--output`` to keep the annotated video. ``q`` or Esc quits. With
``--action-backend onnxruntime`` the model runs in onnxruntime; export it
with ``--no-flip`` (the demo tests one clip without flip).
"""
from __future__ import annotations

import argparse
import json
import os
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmaction_pose.apis.inference import (  # noqa: E402
    add_recognizer_args, recognizer_from_args)
from mmaction_pose.apis.pose_backends import (  # noqa: E402
    add_pose_backend_args, pose_backend_from_args)
from mmaction_pose.apis.realtime import RealtimeSkeletonPipeline  # noqa
from mmaction_pose.apis.video_io import VideoReadError  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='real-time skeleton action recognition')
    parser.add_argument('--source', default='0',
                        help='camera index, stream URL or video file')
    parser.add_argument('--output', help='write the annotated video (mp4)')
    parser.add_argument('--headless', action='store_true',
                        help='do not open a window')
    parser.add_argument('--resize', type=int, nargs=2, metavar=('W', 'H'),
                        help='resize every frame, e.g. 640 480')
    parser.add_argument('--window', type=int, default=48,
                        help='frames of poses per recognition')
    parser.add_argument('--stride', type=int, default=8,
                        help='recognise every N frames')
    parser.add_argument('--topk', type=int, default=3)
    parser.add_argument('--max-frames', type=int,
                        help='stop after N frames')
    add_recognizer_args(parser)
    add_pose_backend_args(parser, detect_interval=15)
    return parser.parse_args(argv)


def build_pipeline(args: argparse.Namespace) -> RealtimeSkeletonPipeline:
    """Model + pose backend + pipeline from the demo's options."""
    recognizer = recognizer_from_args(args, default_threads=1, num_clips=1,
                               double=False)
    backend = pose_backend_from_args(args)
    return RealtimeSkeletonPipeline(
        backend, recognizer, window=args.window, stride=args.stride,
        topk=args.topk, max_people=args.max_people)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    show = not args.headless and bool(os.environ.get('DISPLAY'))
    try:
        pipeline = build_pipeline(args)
        stats = pipeline.run(args.source, output=args.output, show=show,
                             max_frames=args.max_frames,
                             resize=args.resize)
    except (FileNotFoundError, VideoReadError, ValueError) as e:
        print(f'error: {e}', file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    finally:
        if 'pipeline' in locals():
            pipeline.backend.close()
    print(json.dumps(stats.summary()))
    return 0


if __name__ == '__main__':
    sys.exit(main())
