# Copyright (c) mmaction-pose. All rights reserved.
"""Test a checkpoint: mmaction2's ``tools/test.py`` CLI, plugin-aware.

    python tools/test.py CONFIG CHECKPOINT [--work-dir DIR] [--dump OUT.pkl]
        [--cfg-options k=v ...] [--show-dir DIR] [--show] [--launcher pytorch]

``--dump`` writes the predictions for ``tools/fuse_scores.py``.
"""
import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
from mmengine.config import DictAction  # noqa: E402

from mmaction_pose.utils import cli  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description='Test a recognizer')
    parser.add_argument('config', help='test config file path')
    parser.add_argument('checkpoint', help='checkpoint file')
    parser.add_argument('--work-dir', help='the dir to save the results')
    parser.add_argument('--dump', type=str,
                        help='dump predictions to a pickle file (.pkl)')
    parser.add_argument(
        '--cfg-options', nargs='+', action=DictAction,
        help='override config settings, key=value (validated first)')
    parser.add_argument('--show-dir', help='directory for painted images')
    parser.add_argument('--show', action='store_true',
                        help='show prediction results in a window')
    parser.add_argument('--interval', type=int, default=1,
                        help='visualize every N samples')
    parser.add_argument('--wait-time', type=float, default=2,
                        help='display time of every window (s)')
    parser.add_argument('--launcher', default='none',
                        choices=['none', 'pytorch', 'slurm', 'mpi'],
                        help='job launcher')
    parser.add_argument('--local_rank', '--local-rank', type=int, default=0)
    return parser.parse_args()


def merge_args(cfg, args):
    """Merge CLI arguments into the config (mmaction2's semantics)."""
    if args.show or args.show_dir is not None:
        if 'visualization' not in cfg.default_hooks:
            cli.fail('--show/--show-dir need `default_hooks.visualization`')
        vis = cfg.default_hooks.visualization
        vis.enable, vis.show, vis.wait_time = True, args.show, args.wait_time
        vis.out_dir, vis.interval = args.show_dir, args.interval
    if args.dump is not None:
        if not args.dump.endswith(('.pkl', '.pickle')):
            cli.fail(f'--dump {args.dump!r}: the dump file must be a .pkl')
        dump = dict(type='DumpResults', out_file_path=args.dump)
        evaluator = cfg.test_evaluator
        cfg.test_evaluator = (list(evaluator) if isinstance(
            evaluator, (list, tuple)) else [evaluator]) + [dump]
    cfg.launcher = args.launcher
    if args.cfg_options is not None:
        cli.check_cfg_options(cfg, args.cfg_options)
        cfg.merge_from_dict(args.cfg_options)
    cli.set_dataset_num_classes(cfg)
    cli.set_work_dir(cfg, args.work_dir, args.config)
    # URLs (http(s)://, s3://, ...) are fetched by mmengine's load_checkpoint.
    if '://' not in args.checkpoint and not osp.isfile(args.checkpoint):
        cli.fail(f'checkpoint {args.checkpoint!r} does not exist')
    cfg.load_from = args.checkpoint
    return cfg


def main():
    args = parse_args()
    cli.ensure_local_rank(args.local_rank)
    cfg = cli.load_config(args.config)
    cfg = cli.run_guarded(merge_args, cfg, args)
    cli.setup_cpu_distributed(cfg)
    runner = cli.run_guarded(cli.build_runner, cfg)
    cli.run_guarded(runner.test)
    cli.finish_distributed()


if __name__ == '__main__':
    main()
