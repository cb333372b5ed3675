# Copyright (c) mmaction-pose. All rights reserved.
"""Skeleton action recognition on a video, written as an annotated video.

    python demo/demo_skeleton.py VIDEO OUT.mp4 [--config CFG --checkpoint
        CKPT | --action-backend onnxruntime --onnx MODEL.onnx]
        [--label-map FILE] [--topk 3] [--short-side 480]
        [--pose-backend mediapipe|mmpose ...] [--max-people 2]
        [--save-poses poses.pkl] [--draw-attention]

1. decodes VIDEO (clear error if it cannot), optionally resized so that its
   short side is ``--short-side``;
2. estimates and tracks every person's COCO-17 pose (offline mediapipe
   BlazePose by default, or mmdet + mmpose from configs/checkpoints);
3. classifies the whole video with the skeleton model (the config's
   ``test_pipeline``; default model: the committed Penn Action PoseC3D,
   configs/posec3d/penn_action/, or pass ``--config/--checkpoint``); an
   RGB + pose model (RGBPoseConv3D, e.g.
   configs/rgbpose_conv3d/penn_action_rendered.py) gets the frames too;
   with ``--action-backend onnxruntime --onnx MODEL.onnx`` the model runs
   in onnxruntime (tools/deployment/export_onnx.py; no PyTorch model);
   an RPAN model (configs/rpan/) classifies the frames alone (it needs no
   poses at test time, so it labels a video without a person too);
4. writes OUT.mp4 with skeletons, boxes, track ids and the top-k labels.
   With ``--draw-attention`` (RPAN models only; others exit with an error
   line) it also draws the pose attention of each of the model's steps
   from its sampled frame on, until the next one: the joints' maps summed
   as a translucent heat map, and a dot per joint at its map's maximum,
   coloured by body side as the skeletons are.
"""
from __future__ import annotations

import argparse
import os.path as osp
import pickle
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmaction_pose.apis.inference import (  # noqa: E402
    SkeletonRecognizer, add_recognizer_args, recognizer_from_args)
from mmaction_pose.apis.pose_backends import (  # noqa: E402
    PoseTracker, add_pose_backend_args, pose_backend_from_args)
from mmaction_pose.apis.pose_extraction import (  # noqa: E402
    NoPersonError, poses_to_annotation, track_poses)
from mmaction_pose.apis.video_io import (  # noqa: E402
    VideoReadError, VideoWriter, read_video)
from mmaction_pose.apis.visualization import (  # noqa: E402
    attention_steps, draw_attention, draw_frame)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='skeleton action recognition demo (video → video)')
    parser.add_argument('video', help='input video file')
    parser.add_argument('out', help='output video (mp4)')
    parser.add_argument('--topk', type=int, default=3)
    parser.add_argument('--short-side', type=int, default=480,
                        help='resize frames to this short side (0: keep)')
    parser.add_argument('--save-poses',
                        help='also save the tracked poses as a PoseDataset '
                        'annotation pickle')
    parser.add_argument(
        '--draw-attention', action='store_true',
        help="draw the model's pose attention at its sampled frames (RPAN "
        'models: heat map of the joints\' maps, a dot per joint)')
    add_recognizer_args(parser)
    add_pose_backend_args(parser)
    return parser.parse_args(argv)


def _check_draw_attention(args: argparse.Namespace,
                          recognizer: SkeletonRecognizer) -> None:
    if args.draw_attention and not recognizer.predicts_attention:
        raise ValueError(
            '--draw-attention needs a model that predicts pose attention '
            'maps (RPAN, e.g. configs/rpan/penn_action_rendered_rgb.py); '
            f'{args.config or "the default model"} does not')


def main(argv: list[str] | None = None) -> int:
    from mmengine.utils import ProgressBar
    args = parse_args(argv)
    try:
        recognizer = recognizer_from_args(args)
        _check_draw_attention(args, recognizer)
        frames, fps = read_video(args.video, short_side=args.short_side)
    except (FileNotFoundError, VideoReadError, ValueError) as e:
        print(f'error: {e}', file=sys.stderr)
        return 1

    print(f'{len(frames)} frames, {frames[0].shape[1]}x{frames[0].shape[0]}'
          f' @ {fps:.1f} fps: estimating poses ({args.pose_backend})')
    bar = ProgressBar(len(frames))
    with pose_backend_from_args(args) as backend:
        poses, shape = track_poses(frames, backend, PoseTracker(),
                                   on_frame=lambda t: bar.update())
    print()
    try:
        anno = poses_to_annotation(poses, shape, max_people=args.max_people,
                                   frame_dir=osp.splitext(
                                       osp.basename(args.video))[0],
                                   label=-1)
    except NoPersonError:
        anno = None
    # RGB + pose models (RGBPoseConv3D) and RPAN also take the frames, as RGB
    rgb = [f[..., ::-1] for f in frames] if recognizer.uses_rgb else None
    if anno is not None:
        scores = recognizer.predict(anno['keypoint'], anno['keypoint_score'],
                                    shape, frames=rgb)
    elif not recognizer.needs_poses:
        print('warning: no person found; the model classifies the frames '
              'alone', file=sys.stderr)
        scores = recognizer.predict(None, None, shape, frames=rgb)
    else:
        scores = None
        print('warning: no person found; the video is written without '
              'labels', file=sys.stderr)
    labels = recognizer.topk(scores, args.topk)
    for name, score in labels:
        print(f'{name}: {score:.3f}')
    if args.save_poses and anno is not None:
        with open(args.save_poses, 'wb') as f:
            pickle.dump(anno, f)

    attention = recognizer.last_attention if args.draw_attention else None
    if attention is not None:
        steps = attention_steps(recognizer.last_frame_inds, len(frames))
        dots = recognizer.last_attention_keypoints

    print(f'writing {args.out}')
    bar = ProgressBar(len(frames))
    with VideoWriter(args.out, fps) as writer:
        for t, (frame, frame_poses) in enumerate(zip(frames, poses)):
            if attention is not None and steps[t] >= 0:
                frame = draw_attention(frame, attention[steps[t]],
                                       dots[steps[t]], recognizer.layout)
            writer.write(draw_frame(frame, frame_poses, labels))
            bar.update()
    print()
    return 0


if __name__ == '__main__':
    sys.exit(main())
