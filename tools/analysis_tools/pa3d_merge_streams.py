# Copyright (c) mmaction-pose. All rights reserved.
"""Merge single-stream PA3D checkpoints into one ``PA3DScoreFusionRecognizer``.

    python tools/analysis_tools/pa3d_merge_streams.py OUT.pth \
        imgs=work_dirs/pa3d_penn_joint/epoch_12.pth \
        paf_imgs=work_dirs/pa3d_penn_paf/epoch_12.pth \
        jdiff_imgs=work_dirs/pa3d_penn_jdiff/epoch_12.pth

PA3D (Yan et al., CVPR 2019, Table 5 "∪") trains one network per modality
and fuses their scores at test time. Each ``KEY=CKPT`` names the fusion
model's input key (its ``streams``) and a ``Recognizer3D`` checkpoint of that
modality; ``backbone.*`` becomes ``backbones.KEY.*`` and ``cls_head.*``
becomes ``cls_heads.KEY.*``. Test the result with ``tools/test.py`` and the
fusion config (e.g. ``…penn-action-joint-paf-jdiff.py``).
"""
from __future__ import annotations

import argparse
import os.path as osp
import sys
from collections import OrderedDict
from collections.abc import Mapping, Sequence

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)

_PREFIXES = (('backbone.', 'backbones'), ('cls_head.', 'cls_heads'))


def merge_stream_state_dicts(streams: Mapping[str, Mapping]) -> OrderedDict:
    """Rename the weights of every single-stream model under its input key.

    Args:
        streams: ``{input key: Recognizer3D state dict}``.

    Returns:
        The ``PA3DScoreFusionRecognizer`` state dict.

    Raises:
        KeyError: a state dict holds weights outside ``backbone``/``cls_head``
            (data preprocessor buffers are dropped: they are config-built).
    """
    merged: OrderedDict = OrderedDict()
    for key, state in streams.items():
        for name, value in state.items():
            if name.startswith('data_preprocessor.'):
                continue
            for prefix, target in _PREFIXES:
                if name.startswith(prefix):
                    merged[f'{target}.{key}.{name[len(prefix):]}'] = value
                    break
            else:
                raise KeyError(f'{key}: unexpected weight {name!r}')
    return merged


def main(argv: Sequence[str] | None = None) -> None:
    import torch
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('out', help='output checkpoint (.pth)')
    parser.add_argument('streams', nargs='+', metavar='KEY=CKPT')
    args = parser.parse_args(argv)
    streams = {}
    for item in args.streams:
        key, sep, path = item.partition('=')
        if not sep or not osp.isfile(path):
            parser.error(f'{item!r}: expected KEY=CKPT with an existing file')
        ckpt = torch.load(path, map_location='cpu', weights_only=False)
        streams[key] = ckpt.get('state_dict', ckpt)
    torch.save(dict(state_dict=merge_stream_state_dicts(streams),
                    meta=dict(streams={i.partition('=')[0]: i.partition('=')[2]
                                       for i in args.streams})), args.out)
    print(f'wrote {args.out} ({", ".join(streams)})')


if __name__ == '__main__':
    main()
