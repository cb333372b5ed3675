# Copyright (c) mmaction-pose. All rights reserved.
"""Train a recognizer: mmaction2's ``tools/train.py`` CLI, plugin-aware.

    python tools/train.py CONFIG [--work-dir DIR] [--resume [CKPT]] [--amp]
        [--no-validate] [--auto-scale-lr] [--seed N] [--diff-rank-seed]
        [--deterministic] [--cfg-options k=v ...] [--launcher pytorch]

Distributed: ``bash tools/dist_train.sh CONFIG GPUS`` (gloo on CPU).
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmengine.config import DictAction  # noqa: E402

from mmaction_pose.utils import cli  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description='Train a recognizer')
    parser.add_argument('config', help='train config file path')
    parser.add_argument('--work-dir', help='the dir to save logs and models')
    parser.add_argument(
        '--resume', nargs='?', type=str, const='auto',
        help='resume from CKPT, or from the latest checkpoint in the work '
        'dir when no path is given')
    parser.add_argument('--amp', action='store_true',
                        help='automatic mixed precision (needs a GPU)')
    parser.add_argument('--no-validate', action='store_true',
                        help='do not evaluate checkpoints during training')
    parser.add_argument('--auto-scale-lr', action='store_true',
                        help='scale the lr by the actual batch size')
    parser.add_argument('--seed', type=int, default=None, help='random seed')
    parser.add_argument('--diff-rank-seed', action='store_true',
                        help='different seeds on different ranks')
    parser.add_argument('--deterministic', action='store_true',
                        help='deterministic CUDNN options')
    parser.add_argument(
        '--cfg-options', nargs='+', action=DictAction,
        help='override config settings, key=value (validated first)')
    parser.add_argument('--launcher', default='none',
                        choices=['none', 'pytorch', 'slurm', 'mpi'],
                        help='job launcher')
    parser.add_argument('--local_rank', '--local-rank', type=int, default=0)
    return parser.parse_args()


def merge_args(cfg, args):
    """Merge CLI arguments into the config (mmaction2's semantics)."""
    if args.no_validate:
        cfg.val_cfg = cfg.val_dataloader = cfg.val_evaluator = None
    cfg.launcher = args.launcher
    cli.set_work_dir(cfg, args.work_dir, args.config)
    if args.amp:
        import torch
        if not torch.cuda.is_available():
            cli.fail('--amp needs a CUDA device (mmengine AmpOptimWrapper)')
        wrapper = cfg.optim_wrapper.get('type', 'OptimWrapper')
        if wrapper not in ('OptimWrapper', 'AmpOptimWrapper'):
            cli.fail(f'--amp does not support optim wrapper {wrapper!r}')
        cfg.optim_wrapper.type = 'AmpOptimWrapper'
        cfg.optim_wrapper.setdefault('loss_scale', 'dynamic')
    if args.resume == 'auto':
        cfg.resume, cfg.load_from = True, None
    elif args.resume is not None:
        if not osp.isfile(args.resume):
            cli.fail(f'--resume checkpoint {args.resume!r} does not exist')
        cfg.resume, cfg.load_from = True, args.resume
    if args.auto_scale_lr:
        if 'auto_scale_lr' not in cfg:
            cli.fail('--auto-scale-lr: the config has no `auto_scale_lr`')
        cfg.auto_scale_lr.enable = True
    if cfg.get('randomness', None) is None:
        cfg.randomness = dict(seed=args.seed,
                              diff_rank_seed=args.diff_rank_seed,
                              deterministic=args.deterministic)
    elif args.seed is not None:
        cfg.randomness.seed = args.seed
    if args.cfg_options is not None:
        cli.check_cfg_options(cfg, args.cfg_options)
        cfg.merge_from_dict(args.cfg_options)
    cli.set_dataset_num_classes(cfg)
    return cfg


def main():
    args = parse_args()
    cli.ensure_local_rank(args.local_rank)
    cfg = cli.load_config(args.config)
    cfg = cli.run_guarded(merge_args, cfg, args)
    cli.setup_cpu_distributed(cfg)
    runner = cli.run_guarded(cli.build_runner, cfg)
    cli.run_guarded(runner.train)
    cli.finish_distributed()


if __name__ == '__main__':
    main()
