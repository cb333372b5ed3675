# Copyright (c) mmaction-pose. All rights reserved.
"""Late-fuse the ``--dump`` outputs of several ``tools/test.py`` runs.

    python tools/fuse_scores.py joint.pkl limb.pkl [--weights 1 1]
    python tools/fuse_scores.py rgb_only.pkl pose_only.pkl --weights 1 1
    python tools/fuse_scores.py rgbpose.pkl:rgb rgbpose.pkl:pose

PoseConv3D (Duan et al., CVPR 2022) ensembles joint and limb models (J + L,
Table 3) and RGB and pose models (late fusion, Tables 4 and 10). The paper
gives no weights; the reference code sums the clip-averaged softmax scores
1:1. Each input is a pickle written by ``tools/test.py --dump``: a list of
samples with ``pred_score`` (``(K,)`` scores, or a dict of them for
RGBPose-Conv3D; pick a stream with ``PATH:STREAM``) and ``gt_label``.
Samples are matched by position; the labels of all inputs must agree.

Prints top-1, top-5 and mean class accuracy of every input and of the
weighted sum ``sum_i w_i * score_i``.
"""
from __future__ import annotations

import argparse
import os.path as osp
import pickle
import sys

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)


def _to_numpy(x) -> np.ndarray:
    return x.detach().cpu().numpy() if hasattr(x, 'detach') else np.asarray(x)


def load_scores(spec: str) -> tuple[np.ndarray, np.ndarray]:
    """Scores ``(num_samples, K)`` and labels ``(num_samples,)`` of a dump.

    Args:
        spec: ``PATH`` or ``PATH:STREAM`` (a stream of dict scores).

    Raises:
        ValueError: on a missing or unknown stream, or a non-dump file.
    """
    path, stream = spec, None
    if not osp.isfile(spec) and ':' in spec:
        path, stream = spec.rsplit(':', 1)
    with open(path, 'rb') as f:
        samples = pickle.load(f)
    if not isinstance(samples, list) or not samples or not all(
            isinstance(s, dict) and 'pred_score' in s and 'gt_label' in s
            for s in samples):
        raise ValueError(f'{path!r} is not a tools/test.py --dump file '
                         '(a list of samples with pred_score and gt_label)')
    scores = []
    for sample in samples:
        score = sample['pred_score']
        if isinstance(score, dict):
            if stream not in score:
                raise ValueError(
                    f'{path!r} holds the streams {sorted(score)}; name one '
                    f'as {path}:STREAM' if stream is None else
                    f'{path!r} has no stream {stream!r}; streams: '
                    f'{sorted(score)}')
            score = score[stream]
        elif stream is not None:
            raise ValueError(f'{path!r} has a single stream; drop '
                             f'":{stream}"')
        scores.append(_to_numpy(score).reshape(-1))
    labels = [_to_numpy(s['gt_label']).reshape(-1) for s in samples]
    if any(len(label) != 1 for label in labels):
        raise ValueError(f'{path!r}: only single-label dumps are supported')
    return np.stack(scores).astype(np.float64), np.concatenate(labels)


def softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def accuracy(scores: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """Top-1, top-5 and mean class accuracy (MMAction2's definitions)."""
    from mmaction.evaluation.functional import (mean_class_accuracy,
                                                top_k_accuracy)
    preds, gts = list(scores), list(labels.astype(int))
    k = min(5, scores.shape[1])
    top1, top5 = top_k_accuracy(preds, gts, (1, k))
    return dict(top1=float(top1), top5=float(top5),
                mean_class=float(mean_class_accuracy(preds, gts)))


def fuse(inputs: list[str], weights: list[float] | None = None,
         apply_softmax: bool = False) -> dict[str, dict[str, float]]:
    """Accuracy of every input and of their weighted sum.

    Raises:
        ValueError: on mismatching sample counts, labels, classes or weights.
    """
    weights = [1.0] * len(inputs) if weights is None else list(weights)
    if len(weights) != len(inputs):
        raise ValueError(f'{len(inputs)} inputs but {len(weights)} weights')
    loaded = [load_scores(spec) for spec in inputs]
    scores0, labels0 = loaded[0]
    for spec, (scores, labels) in zip(inputs[1:], loaded[1:]):
        if scores.shape != scores0.shape:
            raise ValueError(f'{spec!r}: scores {scores.shape} but '
                             f'{inputs[0]!r} has {scores0.shape}')
        if not np.array_equal(labels, labels0):
            raise ValueError(f'{spec!r}: labels differ from {inputs[0]!r}; '
                             'dump every run with the same test split')
    results, fused = {}, np.zeros_like(scores0)
    for spec, weight, (scores, labels) in zip(inputs, weights, loaded):
        if apply_softmax:
            scores = softmax(scores)
        results[spec] = accuracy(scores, labels)
        fused += weight * scores
    results['fused'] = accuracy(fused, labels0)
    return results


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='Weighted late fusion of tools/test.py --dump files')
    parser.add_argument('inputs', nargs='+',
                        help='dump files, PATH or PATH:STREAM')
    parser.add_argument('--weights', nargs='+', type=float,
                        help='one weight per input (default: all 1)')
    parser.add_argument('--apply-softmax', action='store_true',
                        help='softmax every input first (for dumps of '
                        "average_clips='score' models)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, dict[str, float]]:
    args = parse_args(argv)
    results = fuse(args.inputs, args.weights, args.apply_softmax)
    width = max(len(name) for name in results)
    print(f'{"input":<{width}}  {"top1":>7}  {"top5":>7}  {"mean_class":>10}')
    for name, acc in results.items():
        print(f'{name:<{width}}  {acc["top1"]:7.4f}  {acc["top5"]:7.4f}  '
              f'{acc["mean_class"]:10.4f}')
    return results


if __name__ == '__main__':
    try:
        main()
    except (ValueError, FileNotFoundError) as err:
        print(f'error: {err}', file=sys.stderr)
        sys.exit(1)
