# Copyright (c) mmaction-pose. All rights reserved.
"""Export a PoseC3D / PA3D / RGBPoseConv3D / RPAN model to ONNX.

    python tools/deployment/export_onnx.py CONFIG CHECKPOINT OUT.onnx
        [--input {keypoint,heatmap}] [--opset 17] [--num-clips N]
        [--flip | --no-flip] [--label-map FILE] [--no-verify]

``--input keypoint`` (the default for pose models): the model takes
``keypoint (N, M, T, V, 2)`` in canvas pixels and ``keypoint_score (N,
M, T, V)`` (a few KB per sample) and renders the heatmaps / part affinity
fields inside the graph; RGB + pose models also take ``imgs (N, views, 3,
T, H, W)``. ``--input heatmap``: the network inputs as the dataloader
packs them, ``(N, views, C, T, H, W)`` per input key (mmaction2's
``export_onnx_posec3d.py`` convention plus the views axis); the only mode
(and the default) of RPAN, which takes no keypoints at test time: ``imgs
(N, views*segments, 3, H, W)``, 0-255 RGB. Outputs: ``scores (N, K)``,
the clip-averaged scores ``test_step`` gives (``scores_<stream>`` too for
multi-stream models; RPAN also ``attention (N, T, J, K1, K2)``, the first
view's pose attention). Batch, clip and person counts are dynamic; the
canvas and the test-time flip are fixed at export. The file carries the
config and class names, so ``--action-backend onnxruntime --onnx OUT.onnx``
needs nothing else. Prints the inputs, opset, size and the max |Δ score|
of onnxruntime vs PyTorch on a synthetic sample.
"""
from __future__ import annotations

import argparse
import os
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmaction_pose.deployment.export import (  # noqa: E402
    DEFAULT_OPSET, export_onnx)
from mmaction_pose.deployment.pipeline import INPUT_MODES  # noqa: E402

TOLERANCE = 1e-4


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='export a skeleton / RGB + pose / RPAN model to ONNX')
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('out', help='output .onnx file')
    parser.add_argument('--input', choices=INPUT_MODES,
                        help='what the ONNX model takes (default: keypoint '
                        'for pose models, heatmap, i.e. the RGB frames, '
                        'for RPAN)')
    parser.add_argument('--opset', type=int, default=DEFAULT_OPSET)
    parser.add_argument('--num-clips', type=int,
                        help='test clips stored for the runtime (default: '
                        "the config's; the graph takes any count)")
    flip = parser.add_mutually_exclusive_group()
    flip.add_argument('--flip', dest='flip', action='store_true',
                      default=None, help='test-time flip on')
    flip.add_argument('--no-flip', dest='flip', action='store_false',
                      help="test-time flip off (the demos' setting)")
    parser.add_argument('--label-map', help='class names stored in the file')
    parser.add_argument('--no-verify', action='store_true',
                        help='skip the onnxruntime vs PyTorch check')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    for path in (args.config, args.checkpoint):
        if not osp.isfile(path):
            print(f'error: not found: {path}', file=sys.stderr)
            return 1
    os.makedirs(osp.dirname(osp.abspath(args.out)), exist_ok=True)
    try:
        result = export_onnx(args.config, args.checkpoint, args.out,
                             input_mode=args.input, opset=args.opset,
                             num_clips=args.num_clips, flip=args.flip,
                             label_map=args.label_map,
                             verify=not args.no_verify)
    except ValueError as e:
        print(f'error: {e}', file=sys.stderr)
        return 1
    print(f'wrote {result.path} ({result.size_mb:.1f} MB, opset '
          f'{result.opset}, {result.input_mode} input, onnx.checker OK)')
    for name, shape in result.input_shapes.items():
        print(f'  input  {name:15s} example {shape}')
    print(f'  output {", ".join(result.output_names)}')
    if args.no_verify:
        return 0
    worst = max(result.max_abs_diff.values())
    for name, diff in result.max_abs_diff.items():
        print(f'  onnxruntime vs PyTorch max |d {name}| = {diff:.2e}')
    ok = worst <= TOLERANCE and result.top1_equal
    print(f'parity {"OK" if ok else "FAILED"} (tolerance {TOLERANCE:g}, '
          f'same top-1: {result.top1_equal})')
    return 0 if ok else 2


if __name__ == '__main__':
    sys.exit(main())
