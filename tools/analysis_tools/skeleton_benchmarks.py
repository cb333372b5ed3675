# Copyright (c) mmaction-pose. All rights reserved.
"""The skeleton-model benchmark table and learning curve (issue 15).

    # add (or replace) one run: its top-1 / mean-class from a test log
    python tools/analysis_tools/skeleton_benchmarks.py add RESULTS.csv \\
        --log work_dirs/X/test.log --benchmark nucla --setting xview3 \\
        --model posec3d_custom --train-s 812 [--test-s 40] [--config C]
    # or a fused result: --acc TOP1 MEAN1 instead of --log
    # the markdown table (stdout or --md) and the plot (PNG)
    python tools/analysis_tools/skeleton_benchmarks.py report RESULTS.csv \\
        --png learning_curve.png [--md table.md]

``RESULTS.csv`` has one row per run: ``benchmark`` (``penn`` or
``nucla``), ``setting`` (``p10``, ``p25``, ``p50``, ``p100`` = percent of
Penn Action's training set; ``xview1``-``xview3``), ``model``, ``top1``,
``mean1`` (percent), ``train_s``, ``test_s`` (wall seconds), ``config``.
The plot has the Penn Action learning curves (top-1 against the training
fraction, one line per model) and the N-UCLA views (grouped bars with
their average).
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from pathlib import Path

FIELDS = ('benchmark', 'setting', 'model', 'top1', 'mean1', 'train_s',
          'test_s', 'config')
PENN_SETTINGS = ('p10', 'p25', 'p50', 'p100')
NUCLA_SETTINGS = ('xview1', 'xview2', 'xview3')
_METRIC = re.compile(r'acc/(top1|mean1): ([0-9.]+)')


def parse_test_log(text: str) -> dict[str, float]:
    """``{'top1': %, 'mean1': %}`` of the last line of an mmengine test log
    that reports ``acc/top1`` (``AccMetric``).

    Raises:
        ValueError: no such line.
    """
    for line in reversed(text.splitlines()):
        found = dict(_METRIC.findall(line))
        if 'top1' in found:
            return {k: round(100 * float(v), 2) for k, v in found.items()}
    raise ValueError('no "acc/top1: ..." line (is this a test log?)')


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a results CSV (an empty list if it does not exist)."""
    if not path.exists():
        return []
    with open(path, newline='') as f:
        return list(csv.DictReader(f))


def upsert(rows: list[dict], row: dict) -> list[dict]:
    """``rows`` with ``row`` replacing the one of the same benchmark,
    setting and model (or appended)."""
    key = (row['benchmark'], row['setting'], row['model'])
    out = [r for r in rows
           if (r['benchmark'], r['setting'], r['model']) != key]
    return out + [row]


def _minutes(seconds: str) -> str:
    if not seconds:
        return ''
    s = int(float(seconds))
    return f'{s // 60} min {s % 60:02d} s'


def table(rows: list[dict]) -> str:
    """Markdown: one row per model, one column per setting (top-1 %, the
    train wall time under it), the N-UCLA average last."""
    by = {(r['benchmark'], r['setting'], r['model']): r for r in rows}
    models = sorted({r['model'] for r in rows})
    cols = [('penn', s) for s in PENN_SETTINGS] + \
        [('nucla', s) for s in NUCLA_SETTINGS]
    head = [f'Penn {s[1:]} %' for s in PENN_SETTINGS] + \
        [f'N-UCLA {s}' for s in NUCLA_SETTINGS] + ['N-UCLA avg']
    lines = ['| model | ' + ' | '.join(head) + ' |',
             '|---|' + '---:|' * len(head)]
    for m in models:
        cells, views = [], []
        for b, s in cols:
            r = by.get((b, s, m))
            if r is None:
                cells.append('–')
                continue
            cells.append(f"{float(r['top1']):.2f} ({_minutes(r['train_s'])})"
                         if r['train_s'] else f"{float(r['top1']):.2f}")
            if b == 'nucla':
                views.append(float(r['top1']))
        cells.append(f'{sum(views) / 3:.2f}' if len(views) == 3 else '–')
        lines.append(f'| {m} | ' + ' | '.join(cells) + ' |')
    return '\n'.join(lines)


def plot(rows: list[dict], png: Path) -> None:
    """Penn Action learning curves and N-UCLA per-view bars, one PNG."""
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt

    penn: dict[str, dict[int, float]] = defaultdict(dict)
    nucla: dict[str, dict[str, float]] = defaultdict(dict)
    for r in rows:
        if r['benchmark'] == 'penn' and r['setting'] in PENN_SETTINGS:
            penn[r['model']][int(r['setting'][1:])] = float(r['top1'])
        elif r['benchmark'] == 'nucla' and r['setting'] in NUCLA_SETTINGS:
            nucla[r['model']][r['setting']] = float(r['top1'])
    fig, (ax0, ax1) = plt.subplots(1, 2, figsize=(11, 4.2))
    # one colour per model in both panels
    palette = plt.rcParams['axes.prop_cycle'].by_key()['color']
    colour = {m: palette[i % len(palette)]
              for i, m in enumerate(sorted({*penn, *nucla}))}
    for m in sorted(penn):
        xs = sorted(penn[m])
        ax0.plot(xs, [penn[m][x] for x in xs], marker='o', label=m,
                 color=colour[m])
    ax0.set_xscale('log')
    ax0.set_xlim(8, 120)
    if penn:
        ax0.set_ylim(top=100)
    ax0.set_xticks([10, 25, 50, 100], ['10', '25', '50', '100'])
    ax0.set_xlabel('% of the Penn Action training set (stratified)')
    ax0.set_ylabel('top-1 on the official test split (%)')
    ax0.set_title('Penn Action: learning curves')
    ax0.grid(alpha=0.3)
    if penn:
        ax0.legend(fontsize=8)
    models = sorted(nucla)
    groups = [*NUCLA_SETTINGS, 'avg']
    width = 0.8 / max(1, len(models))
    for i, m in enumerate(models):
        vals = [nucla[m].get(s, 0.) for s in NUCLA_SETTINGS]
        full = all(s in nucla[m] for s in NUCLA_SETTINGS)
        vals.append(sum(vals) / 3 if full else 0.)
        ax1.bar([g + i * width for g in range(len(groups))], vals, width,
                label=m, color=colour[m])
    ax1.set_xticks([g + 0.4 - width / 2 for g in range(len(groups))],
                   groups)
    ax1.set_ylim(40, 116)  # room above 100 % for the legend
    ax1.set_yticks(range(40, 101, 10))
    ax1.set_ylabel('top-1 on the test view (%)')
    ax1.set_title('N-UCLA cross-view (2D projection)')
    ax1.grid(axis='y', alpha=0.3)
    if models:
        ax1.legend(fontsize=7, ncol=3, loc='upper center')
    fig.tight_layout()
    png.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(png, dpi=100)
    plt.close(fig)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    sub = parser.add_subparsers(dest='cmd', required=True)
    add = sub.add_parser('add', help='add / replace one run')
    add.add_argument('csv', type=Path)
    src = add.add_mutually_exclusive_group(required=True)
    src.add_argument('--log', type=Path, help='test log (acc/top1 line)')
    src.add_argument('--acc', type=float, nargs=2, metavar=('TOP1', 'MEAN1'),
                     help='percentages, e.g. of tools/fuse_scores.py')
    add.add_argument('--benchmark', choices=('penn', 'nucla'),
                     required=True)
    add.add_argument('--setting', required=True,
                     choices=PENN_SETTINGS + NUCLA_SETTINGS)
    add.add_argument('--model', required=True)
    add.add_argument('--train-s', type=float, default=None)
    add.add_argument('--test-s', type=float, default=None)
    add.add_argument('--config', default='')
    rep = sub.add_parser('report', help='markdown table + PNG')
    rep.add_argument('csv', type=Path)
    rep.add_argument('--png', type=Path)
    rep.add_argument('--md', type=Path)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        rows = read_rows(args.csv)
        if args.cmd == 'add':
            acc = parse_test_log(args.log.read_text()) if args.log \
                else dict(top1=args.acc[0], mean1=args.acc[1])
            row = dict(benchmark=args.benchmark, setting=args.setting,
                       model=args.model, top1=f"{acc['top1']:.2f}",
                       mean1=f"{acc.get('mean1', float('nan')):.2f}",
                       train_s='' if args.train_s is None
                       else f'{args.train_s:.0f}',
                       test_s='' if args.test_s is None
                       else f'{args.test_s:.0f}',
                       config=args.config)
            rows = upsert(rows, row)
            with open(args.csv, 'w', newline='') as f:
                writer = csv.DictWriter(f, FIELDS)
                writer.writeheader()
                writer.writerows(rows)
            print(f"{args.csv}: {row['model']} {row['benchmark']} "
                  f"{row['setting']}: top-1 {row['top1']}")
            return 0
        md = table(rows)
        if args.md:
            args.md.write_text(md + '\n')
        else:
            print(md)
        if args.png:
            plot(rows, args.png)
            print(f'wrote {args.png}', file=sys.stderr)
    except (OSError, ValueError, KeyError) as e:
        print(f'error: {e}', file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
