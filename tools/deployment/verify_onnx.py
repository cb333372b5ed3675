# Copyright (c) mmaction-pose. All rights reserved.
"""onnxruntime vs PyTorch on real test samples of a config's dataset.

    python tools/deployment/verify_onnx.py CONFIG CHECKPOINT MODEL.onnx
        [--num-samples 100] [--cfg-options k=v ...] [--json out.json]

Runs the first ``--num-samples`` samples (0: all) of the config's test
split through both paths: PyTorch = the whole test pipeline + the
checkpoint's ``test_step``; onnxruntime = the pipeline part outside the
graph (all of it for heatmap input, the geometric head for keypoint
input) + the ONNX model. Prints the max |Δ score| per output, whether
every top-1 agrees, both accuracies and the mean time per sample; exits 2
when the parity fails (max |Δ| > 1e-4 or a top-1 differs).
"""
from __future__ import annotations

import argparse
import json
import os.path as osp
import sys
import time

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)

TOLERANCE = 1e-4


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    from mmengine.config import DictAction
    parser = argparse.ArgumentParser(
        description='onnxruntime vs PyTorch on real test samples')
    parser.add_argument('config')
    parser.add_argument('checkpoint')
    parser.add_argument('onnx')
    parser.add_argument('--num-samples', type=int, default=100,
                        help='first N test samples (0: all)')
    parser.add_argument('--threads', type=int,
                        help='onnxruntime intra-op threads')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        default={}, help='override config settings')
    parser.add_argument('--json', help='write the results here')
    return parser.parse_args(argv)


def compare(config, checkpoint: str, onnx_path: str, num_samples: int,
            threads: int | None = None) -> dict:
    """Both paths on the first ``num_samples`` test samples (see doc)."""
    from mmengine.config import Config
    from mmengine.registry import DefaultScope
    from mmengine.utils import ProgressBar

    from mmaction_pose.apis.inference import SkeletonRecognizer
    from mmaction_pose.deployment.export import torch_scores
    from mmaction_pose.deployment.runtime import OnnxSession, read_metadata
    from mmaction_pose.registry import DATASETS

    cfg = config if isinstance(config, Config) else Config.fromfile(config)
    meta = read_metadata(onnx_path)
    num_clips = json.loads(meta.get('num_clips', 'null'))
    flip = json.loads(meta['flip']) if meta['input_mode'] == 'keypoint' \
        else None
    rec = SkeletonRecognizer(cfg, checkpoint, num_clips=num_clips,
                             double=flip, check_layout=False,
                             frames_in_memory=False)
    session = OnnxSession(onnx_path, rec.pipeline_cfg, rec.uses_rgb,
                          threads)
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        dataset = DATASETS.build(dict(cfg.test_dataloader.dataset,
                                      pipeline=[], test_mode=True))
    total = len(dataset) if num_samples <= 0 else min(num_samples,
                                                      len(dataset))
    diffs: dict[str, float] = {}
    same, right_t, right_o, t_torch, t_onnx = 0, 0, 0, 0., 0.
    bar = ProgressBar(total)
    for i in range(total):
        data = dataset.get_data_info(i)
        t0 = time.perf_counter()
        ref = torch_scores(rec.model, rec.pipeline, data)
        t1 = time.perf_counter()
        got = session.predict(data)
        t2 = time.perf_counter()
        t_torch, t_onnx = t_torch + t1 - t0, t_onnx + t2 - t1
        for name, value in got.items():
            if name in ref:
                diffs[name] = max(diffs.get(name, 0.),
                                  float(np.abs(value - ref[name]).max()))
        top_t, top_o = int(ref['scores'].argmax()), int(got['scores'].argmax())
        same += top_t == top_o
        right_t += top_t == int(data['label'])
        right_o += top_o == int(data['label'])
        bar.update()
    sys.stdout.write('\n')
    return dict(samples=total, input_mode=meta['input_mode'],
                max_abs_diff=diffs, top1_agree=same,
                top1_torch=100. * right_t / total,
                top1_onnx=100. * right_o / total,
                ms_torch=1e3 * t_torch / total, ms_onnx=1e3 * t_onnx / total)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from mmengine.config import Config
    cfg = Config.fromfile(args.config)
    cfg.merge_from_dict(args.cfg_options)
    res = compare(cfg, args.checkpoint, args.onnx, args.num_samples,
                  args.threads)
    n = res['samples']
    print(f"{n} test samples, {res['input_mode']} input")
    for name, diff in res['max_abs_diff'].items():
        print(f'  max |d {name}| = {diff:.2e}')
    print(f"  top-1 agree {res['top1_agree']}/{n}; accuracy PyTorch "
          f"{res['top1_torch']:.2f} %, onnxruntime {res['top1_onnx']:.2f} %")
    print(f"  per sample (pipeline + model): PyTorch {res['ms_torch']:.1f} "
          f"ms, onnxruntime {res['ms_onnx']:.1f} ms")
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(res, f, indent=1)
    ok = (max(res['max_abs_diff'].values()) <= TOLERANCE
          and res['top1_agree'] == n)
    print(f'parity {"OK" if ok else "FAILED"} (tolerance {TOLERANCE:g})')
    return 0 if ok else 2


if __name__ == '__main__':
    sys.exit(main())
