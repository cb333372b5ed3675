# Copyright (c) mmaction-pose. All rights reserved.
"""Strip a training checkpoint down to its weights for publishing.

    python tools/misc/publish_checkpoint.py IN.pth OUT.pth [--fp16]

Keeps ``state_dict`` and a slim ``meta`` (mmengine/mmaction versions, epoch,
iteration, seed, dataset meta, and the config text), drops the optimizer,
scheduler and message hub, and appends the first 8 hex digits of the file's
sha256 to the name as OpenMMLab's ``publish_model.py`` does
(``OUT_<sha8>.pth``; OpenMMLab separates with ``-``, ``--sep -``).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import os.path as osp
import sys
from typing import Any

import torch

_META_KEYS = ('mmengine_version', 'mmaction_version', 'epoch', 'iter',
              'seed', 'dataset_meta', 'cfg', 'experiment_name', 'time')


def strip_checkpoint(ckpt: dict[str, Any], fp16: bool = False) -> dict:
    """Keep ``state_dict`` and a slim ``meta``.

    Args:
        ckpt: A checkpoint saved by mmengine's Runner (or a bare state dict).
        fp16: Store floating-point tensors as float16 (halves the size).

    Returns:
        ``dict(state_dict=..., meta=...)``.
    """
    state = ckpt.get('state_dict', ckpt)
    state = {k[len('module.'):] if k.startswith('module.') else k: v
             for k, v in state.items()}
    if fp16:
        state = {k: v.half() if v.is_floating_point() else v
                 for k, v in state.items()}
    meta = {k: v for k, v in ckpt.get('meta', {}).items() if k in _META_KEYS}
    return dict(state_dict=state, meta=meta)


def sha256_prefix(path: str, length: int = 8) -> str:
    """First ``length`` hex digits of the file's sha256."""
    digest = hashlib.sha256()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(1 << 20), b''):
            digest.update(chunk)
    return digest.hexdigest()[:length]


def publish(in_file: str, out_file: str, fp16: bool = False,
            sep: str = '_') -> str:
    """Write the stripped checkpoint; return its final (hashed) path."""
    ckpt = torch.load(in_file, map_location='cpu', weights_only=False)
    stripped = strip_checkpoint(ckpt, fp16=fp16)
    stem = out_file[:-len('.pth')] if out_file.endswith('.pth') else out_file
    os.makedirs(osp.dirname(osp.abspath(out_file)), exist_ok=True)
    tmp = stem + '.tmp.pth'
    torch.save(stripped, tmp)
    final = f'{stem}{sep}{sha256_prefix(tmp)}.pth'
    os.replace(tmp, final)
    return final


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description='Strip a checkpoint to its weights and hash its name')
    parser.add_argument('in_file', help='checkpoint saved by the Runner')
    parser.add_argument('out_file', help='output .pth (sha8 is appended)')
    parser.add_argument('--fp16', action='store_true',
                        help='store float tensors as float16')
    parser.add_argument('--sep', default='_',
                        help='separator before the sha256 prefix')
    args = parser.parse_args(argv)
    if not osp.isfile(args.in_file):
        print(f'error: {args.in_file!r} does not exist', file=sys.stderr)
        return 1
    final = publish(args.in_file, args.out_file, fp16=args.fp16,
                    sep=args.sep)
    print(f'{final} ({osp.getsize(final) / 1e6:.2f} MB)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
