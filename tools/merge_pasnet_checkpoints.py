# Copyright (c) mmaction-pose. All rights reserved.
"""Build twice-finetune's stage-2 PAS-Net initialisation.

    python tools/merge_pasnet_checkpoints.py STAGE1_ECO.pth OPENPOSE.pth \
        OUT.pth [--config STAGE2_CONFIG] [--cfg-options k=v ...]

PAS-Net ("PAS-Net: pose-based and appearance-based spatiotemporal
network"), Sec. III-C, "twice-finetune": "1. finetune(1st) N0 on D1 through
w0 -> w1  2. finetune(2nd) N1 on D1 through w1 -> w" (``docs/papers/
pasnet.md`` Sec. 3). Stage 2 starts from:

* the appearance stream, the 3D net and the classifier of the stage-1 ECO
  model w1 (our ``Recognizer3D`` checkpoint: ``backbone.appearance.*``,
  ``backbone.st.*``, ``cls_head.*``; same classes, so the FC is reused);
* the pose stream from OpenPose: the public PyTorch port
  ``body_pose_model.pth`` or any checkpoint holding our
  :class:`OpenPoseVGG19` keys (converted by the ``openpose_coco``
  converter), stored as ``backbone.pose.*``;
* the fusion conv (conv modes only) left to its init: ``load_from`` loads
  non-strictly.

With ``--config`` (the stage-2 config) the model is built, the merged
weights are loaded with ``strict=False`` and one line reports the missing
and unexpected keys; a shape mismatch (e.g. other widths) is an error.
"""
from __future__ import annotations

import argparse
import os.path as osp
import sys
from collections import OrderedDict

sys.path.insert(0, osp.dirname(osp.dirname(osp.abspath(__file__))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
import torch  # noqa: E402
from mmengine.config import Config, DictAction  # noqa: E402

from mmaction_pose.models.checkpoint_converters import (  # noqa: E402
    map_openpose_state_dict)

#: Stage-1 prefixes taken over as they are.
STAGE1_PREFIXES = ('backbone.appearance.', 'backbone.st.', 'cls_head.')
#: Stage-1 prefixes dropped (a fusion conv, e.g. of 'A+conv1x1').
STAGE1_DROPPED = ('backbone.fusion.', )


def load_state_dict(path: str) -> OrderedDict:
    """The ``state_dict`` of an MMEngine checkpoint (or a bare state dict)."""
    # Runner checkpoints pickle their `meta` (message hub, config), which
    # `weights_only=True` refuses: only merge checkpoints you trust.
    ckpt = torch.load(path, map_location='cpu', weights_only=False)
    state = ckpt.get('state_dict', ckpt) if isinstance(ckpt, dict) else None
    if not isinstance(state, dict):
        raise ValueError(f'{path!r} holds no state dict')
    return OrderedDict(state)


def merge(stage1: dict, openpose: dict) -> tuple[OrderedDict, dict]:
    """Merge the stage-1 ECO and the OpenPose state dicts.

    Returns:
        ``(merged, report)``; ``report`` counts the ``stage1`` and ``pose``
        tensors and lists the ``dropped`` keys of both inputs.

    Raises:
        ValueError: on a stage-1 key outside :data:`STAGE1_PREFIXES` (e.g.
            a pose stream: stage 1 is plain ECO), or an OpenPose key of no
            OpenPose layer.
    """
    merged: OrderedDict = OrderedDict()
    dropped = []
    for key, value in stage1.items():
        if key.startswith(STAGE1_DROPPED):
            dropped.append(key)
        elif key.startswith(STAGE1_PREFIXES):
            merged[key] = value
        else:
            raise ValueError(f'stage-1 checkpoint: unexpected key {key!r} '
                             f'(expected {", ".join(STAGE1_PREFIXES)}*)')
    n_stage1 = len(merged)
    pose, pose_dropped = map_openpose_state_dict(openpose)
    merged.update((f'backbone.pose.{k}', v) for k, v in pose.items())
    return merged, dict(stage1=n_stage1, pose=len(pose),
                        dropped=dropped + pose_dropped)


def check_against_model(merged: dict, config: Config) -> dict:
    """Build the config's model and load ``merged`` with ``strict=False``.

    Returns:
        ``dict(missing=[...], unexpected=[...])``; pose weights of stages
        the model does not compute count as unexpected.

    Raises:
        ValueError: on a shape mismatch.
    """
    from mmaction_pose.registry import MODELS
    from mmaction_pose.utils import register_all_modules
    register_all_modules(init_default_scope=True)
    model = MODELS.build(config.model)
    own = model.state_dict()
    bad = [(k, tuple(v.shape), tuple(own[k].shape))
           for k, v in merged.items() if k in own and v.shape != own[k].shape]
    if bad:
        key, got, want = bad[0]
        raise ValueError(f'{len(bad)} shape mismatches with the config\'s '
                         f'model, e.g. {key}: checkpoint {got}, model {want}')
    missing, unexpected = model.load_state_dict(merged, strict=False)
    return dict(missing=list(missing), unexpected=list(unexpected))


def summary(keys: list[str]) -> str:
    """``'3 (backbone.fusion: 2, ...)'``: keys counted by module."""
    groups: dict[str, int] = {}
    for key in keys:
        group = '.'.join(key.split('.')[:2])
        groups[group] = groups.get(group, 0) + 1
    inner = ', '.join(f'{g}: {n}' for g, n in groups.items())
    return f'{len(keys)}' + (f' ({inner})' if inner else '')


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='Merge a stage-1 ECO checkpoint and OpenPose weights '
        'into the stage-2 PAS-Net initialisation (twice-finetune)')
    parser.add_argument('stage1', help='stage-1 ECO (PASNet without pose) '
                        'recognizer checkpoint')
    parser.add_argument('openpose', help='OpenPose checkpoint: the public '
                        'body_pose_model.pth or ours')
    parser.add_argument('out', help='output checkpoint (.pth)')
    parser.add_argument('--config', help='the stage-2 config: check the '
                        'result against its model')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        help='override config settings, key=value')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    """Merge, optionally check, save; return the report."""
    args = parse_args(argv)
    out_dir = osp.dirname(osp.abspath(args.out))
    if not osp.isdir(out_dir):
        raise FileNotFoundError(f'output folder {out_dir!r} does not exist')
    merged, report = merge(load_state_dict(args.stage1),
                           load_state_dict(args.openpose))
    if args.config:
        cfg = Config.fromfile(args.config)
        if args.cfg_options:
            cfg.merge_from_dict(args.cfg_options)
        report.update(check_against_model(merged, cfg))
    torch.save(dict(state_dict=merged,
                    meta=dict(stage1=args.stage1, openpose=args.openpose,
                              config=args.config)), args.out)
    print(f'merged {report["stage1"]} stage-1 and {report["pose"]} OpenPose '
          f'tensors into {args.out}; dropped {len(report["dropped"])}')
    if args.config:
        print(f'against {args.config}: missing {summary(report["missing"])}'
              f'; unexpected {summary(report["unexpected"])}')
    return report


if __name__ == '__main__':
    try:
        main()
    except (KeyError, ValueError, FileNotFoundError) as err:
        print(f'error: {err.args[0] if err.args else err}', file=sys.stderr)
        sys.exit(1)
