# Copyright (c) mmaction-pose. All rights reserved.
"""Time one training step (forward, loss, backward, SGD update) of the
models of several skeleton configs on the same input, and print ratios.

    python tools/analysis_tools/benchmark_train_step.py \\
        configs/posec3d/penn_action_keypoint.py \\
        configs/posec3d/penn_action_keypoint_x3d_s.py [--batch-size 16]

The input is a random heatmap volume ``(N, 1, C, T, H, W)``: ``C`` is the
backbone's ``in_channels``, ``T`` the config's ``clip_len`` and ``H = W``
its ``heatmap_size`` (56 if unset), or ``--input-shape C T H W`` for all.
Data loading is not included (``benchmark_pose_pipeline.py`` times it).
The first config is the reference of the ``ratio`` column.
"""
from __future__ import annotations

import argparse
import os.path as osp
import sys
import time

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(
    __file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)


def input_shape(cfg, override: list[int] | None) -> tuple[int, ...]:
    """``(C, T, H, W)`` of one clip for ``cfg``'s model."""
    if override:
        return tuple(override)
    size = cfg.get('heatmap_size', 56)
    size = size if isinstance(size, int) else size[0]
    return (cfg.model.backbone.in_channels, cfg.get('clip_len', 48), size,
            size)


def time_train_step(cfg, batch_size: int, shape: tuple[int, ...],
                    iters: int, warmup: int) -> dict:
    """Median seconds per training step, and the parameter counts."""
    import torch
    from mmaction.structures import ActionDataSample

    from mmaction_pose.registry import MODELS
    model = MODELS.build(cfg.model)
    model.train()
    num_classes = cfg.model.cls_head.num_classes
    optim = torch.optim.SGD(model.parameters(), lr=1e-3, momentum=0.9)
    gen = torch.Generator().manual_seed(0)
    inputs = torch.rand((batch_size, 1) + tuple(shape), generator=gen)
    samples = [ActionDataSample().set_gt_label(i % num_classes)
               for i in range(batch_size)]
    times = []
    for i in range(warmup + iters):
        start = time.perf_counter()
        losses = model(inputs, samples, mode='loss')
        loss = sum(v for k, v in losses.items() if 'loss' in k)
        optim.zero_grad()
        loss.backward()
        optim.step()
        if i >= warmup:
            times.append(time.perf_counter() - start)
    times.sort()
    return dict(
        seconds=times[len(times) // 2],
        backbone_params=sum(p.numel() for p in model.backbone.parameters()),
        params=sum(p.numel() for p in model.parameters()))


def main(argv: list[str] | None = None) -> list[dict]:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('configs', nargs='+', help='config files')
    parser.add_argument('--batch-size', type=int, default=16)
    parser.add_argument('--input-shape', type=int, nargs=4,
                        metavar=('C', 'T', 'H', 'W'),
                        help='one clip for every config (default: from '
                        'each config)')
    parser.add_argument('--iters', type=int, default=5,
                        help='timed steps (the median is reported)')
    parser.add_argument('--warmup', type=int, default=2)
    args = parser.parse_args(argv)

    import torch
    from mmengine.config import Config

    from mmaction_pose.utils import register_all_modules
    register_all_modules()
    rows = []
    for path in args.configs:
        if not osp.isfile(path):
            parser.error(f'config {path!r} does not exist')
        cfg = Config.fromfile(path)
        shape = input_shape(cfg, args.input_shape)
        res = time_train_step(cfg, args.batch_size, shape, args.iters,
                              args.warmup)
        rows.append(dict(config=path, shape=shape, **res))
    ref = rows[0]['seconds']
    print(f'train step, batch {args.batch_size}, torch '
          f'{torch.__version__}, {torch.get_num_threads()} threads')
    print(f'{"config":<52} {"C x T x H x W":>15} {"backbone":>9} '
          f'{"s/step":>7} {"clips/s":>8} {"ratio":>6}')
    for row in rows:
        shape = 'x'.join(map(str, row['shape']))
        print(f'{row["config"]:<52} {shape:>15} '
              f'{row["backbone_params"]:>9,} {row["seconds"]:>7.3f} '
              f'{args.batch_size / row["seconds"]:>8.1f} '
              f'{row["seconds"] / ref:>6.2f}')
    return rows


if __name__ == '__main__':
    main()
