# Copyright (c) mmaction-pose. All rights reserved.
"""Convert a public checkpoint to the key names of our models.

    python tools/convert_checkpoint.py bninception_tsn IN.pth OUT.pth

``bninception_tsn``: BN-Inception of TSN (tf_model_zoo, Cadene's
``pretrainedmodels``, tsn-pytorch ``module.base_model.*`` checkpoints,
mmaction 0.x ``backbone.*``) to :class:`~mmaction_pose.models.backbones.
BNInception`; the classifier is dropped. The public files are listed in
``BNINCEPTION_URLS`` (below); download one yourself, e.g.
``http://data.lip6.fr/cadene/pretrainedmodels/bn_inception-52deb4733.pth``.
The output (``{'state_dict': ..., 'meta': {...}}``) loads with
``BNInception(pretrained=OUT.pth)``, which also converts on the fly.
"""
from __future__ import annotations

import argparse
import os.path as osp
import sys

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
import torch  # noqa: E402

from mmaction_pose.models.checkpoint_converters import (  # noqa: E402
    BNINCEPTION_URLS, CONVERTERS)

#: The public BN-Inception / TSN weights (see the converter module).
URLS = dict(bninception_tsn=BNINCEPTION_URLS)


def load_state_dict(path: str) -> dict:
    """``state_dict`` of a checkpoint, or the checkpoint if it is one."""
    # tsn-pytorch checkpoints hold python scalars besides the weights and
    # MMEngine ones pickle their meta: only convert files you trust.
    ckpt = torch.load(path, map_location='cpu', weights_only=False)
    state = ckpt.get('state_dict', ckpt) if isinstance(ckpt, dict) else None
    if not isinstance(state, dict):
        raise ValueError(f'{path!r} holds no state dict')
    return state


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='Convert a public checkpoint to mmaction_pose key names')
    parser.add_argument('converter', choices=sorted(CONVERTERS),
                        help='which public model the checkpoint holds')
    parser.add_argument('src', help='input checkpoint (.pth)')
    parser.add_argument('out', help='output checkpoint (.pth)')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> list[str]:
    """Convert; return the dropped keys."""
    args = parse_args(argv)
    converted, dropped = CONVERTERS[args.converter](
        load_state_dict(args.src))
    out_dir = osp.dirname(osp.abspath(args.out))
    if not osp.isdir(out_dir):
        raise FileNotFoundError(f'output folder {out_dir!r} does not exist')
    torch.save(
        dict(state_dict=converted,
             meta=dict(source=args.src, converter=args.converter)), args.out)
    print(f'converted {len(converted)} tensors into {args.out}')
    print(f'dropped {len(dropped)} keys' +
          (': ' + ', '.join(dropped) if dropped else ''))
    return dropped


if __name__ == '__main__':
    try:
        main()
    except (ValueError, FileNotFoundError) as err:
        print(f'error: {err.args[0] if err.args else err}', file=sys.stderr)
        sys.exit(1)
