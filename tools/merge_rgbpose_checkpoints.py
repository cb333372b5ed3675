# Copyright (c) mmaction-pose. All rights reserved.
"""Build the RGBPose-Conv3D initialisation from two single-pathway models.

    python tools/merge_rgbpose_checkpoints.py RGB_CKPT POSE_CKPT OUT.pth \
        [--config configs/rgbpose_conv3d/ntu60.py] [--cfg-options k=v ...]

PoseConv3D (Duan et al., CVPR 2022) Sec. 4.5: "we first train two models for
RGB and Pose modalities separately and use them to initialize the
RGBPose-Conv3D". Equivalent of mmaction2's ``merge_pretrain.ipynb``:

1. ``backbone.*`` of the RGB-only model (``configs/rgbpose_conv3d/
   rgb_only.py``) becomes ``backbone.rgb_path.*``; that of the Pose-only
   model (``pose_only.py``) ``backbone.pose_path.*``; their classifiers
   ``cls_head.fc_cls.*`` become ``cls_head.fc_rgb.*`` / ``cls_head.fc_pose.*``.
2. Convolutions that receive a lateral connection in the dual-pathway model
   take more input channels (the lateral features are concatenated *after*
   the pathway's own): e.g. RGB ``layer3.0.conv1`` 512 -> 640 and pose
   ``layer2.0.conv1`` 128 -> 160. Their weights are zero-padded in dim 1, so
   at initialisation each pathway computes exactly what its single-modality
   model computed.
3. The lateral convolutions stay randomly initialised (``load_from`` loads
   non-strictly).

The target shapes come from the RGBPose config, so any width or lateral
setting of that config is handled.
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

DEFAULT_CONFIG = osp.join(
    osp.dirname(osp.dirname(osp.abspath(__file__))), 'configs',
    'rgbpose_conv3d', 'ntu60.py')
#: (prefix in the RGBPose model, classifier name) per pathway.
PATHWAYS = {'rgb': ('backbone.rgb_path.', 'cls_head.fc_rgb.'),
            'pose': ('backbone.pose_path.', 'cls_head.fc_pose.')}


def load_state_dict(path: str) -> OrderedDict:
    """The ``state_dict`` of an MMEngine checkpoint (or a bare state dict)."""
    # Runner checkpoints pickle their `meta` (message hub, config), which
    # `weights_only=True` refuses: only merge checkpoints you trust.
    ckpt = torch.load(path, map_location='cpu', weights_only=False)
    state = ckpt.get('state_dict', ckpt) if isinstance(ckpt, dict) else None
    if not isinstance(state, dict):
        raise ValueError(f'{path!r} holds no state dict')
    return OrderedDict(state)


def rename(state: dict, pathway: str) -> OrderedDict:
    """Map a single-pathway ``Recognizer3D`` state dict into RGBPose names.

    Raises:
        ValueError: on a key that is neither ``backbone.*`` nor
            ``cls_head.fc_cls.*``.
    """
    backbone, head = PATHWAYS[pathway]
    out = OrderedDict()
    for key, value in state.items():
        if key.startswith('backbone.'):
            out[backbone + key[len('backbone.'):]] = value
        elif key.startswith('cls_head.fc_cls.'):
            out[head + key[len('cls_head.fc_cls.'):]] = value
        else:
            raise ValueError(f'{pathway} checkpoint: unexpected key {key!r} '
                             '(expected backbone.* or cls_head.fc_cls.*)')
    return out


def pad_input_channels(value: torch.Tensor,
                       shape: torch.Size) -> torch.Tensor:
    """Zero-pad dim 1 (input channels) at its end up to ``shape``.

    Raises:
        ValueError: if the shapes differ in anything but a larger dim 1.
    """
    if (value.dim() != len(shape) or value.dim() < 2
            or value.shape[0] != shape[0] or value.shape[2:] != shape[2:]
            or value.shape[1] > shape[1]):
        raise ValueError(f'cannot pad {tuple(value.shape)} to {tuple(shape)}')
    padded = value.new_zeros(shape)
    padded[:, :value.shape[1]] = value
    return padded


def merge(rgb_state: dict, pose_state: dict,
          target: dict[str, torch.Size]) -> tuple[OrderedDict, dict]:
    """Merge the two single-pathway state dicts for a target model.

    Args:
        rgb_state: State dict of the RGB-only ``Recognizer3D``.
        pose_state: State dict of the Pose-only ``Recognizer3D``.
        target: ``{key: shape}`` of the RGBPose model's state dict.

    Returns:
        ``(merged_state, report)`` where ``report`` lists the ``padded``
        keys and the target keys ``left_to_init`` (the laterals).

    Raises:
        KeyError: if a renamed key does not exist in the target model.
        ValueError: on a shape that zero-padding cannot fix.
    """
    merged, padded = OrderedDict(), []
    for pathway, state in (('rgb', rgb_state), ('pose', pose_state)):
        for key, value in rename(state, pathway).items():
            if key not in target:
                raise KeyError(f'{key!r} ({pathway} checkpoint) does not '
                               'exist in the RGBPose model; do the configs '
                               'match?')
            if value.shape != target[key]:
                value = pad_input_channels(value, target[key])
                padded.append(key)
            merged[key] = value
    left = sorted(k for k in target if k not in merged)
    return merged, dict(padded=padded, left_to_init=left)


def target_shapes(config: Config) -> dict[str, torch.Size]:
    """Build the config's model and return its state-dict shapes."""
    from mmaction_pose.registry import MODELS
    from mmaction_pose.utils import register_all_modules
    register_all_modules(init_default_scope=True)
    model = MODELS.build(config.model)
    return {k: v.shape for k, v in model.state_dict().items()}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description='Merge RGB-only and Pose-only checkpoints into the '
        'RGBPose-Conv3D initialisation')
    parser.add_argument('rgb_checkpoint', help='RGB-only model checkpoint')
    parser.add_argument('pose_checkpoint', help='Pose-only model checkpoint')
    parser.add_argument('out', help='output checkpoint (.pth)')
    parser.add_argument('--config', default=DEFAULT_CONFIG,
                        help='the RGBPose-Conv3D config (target shapes)')
    parser.add_argument('--cfg-options', nargs='+', action=DictAction,
                        help='override config settings, key=value')
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    args = parse_args(argv)
    cfg = Config.fromfile(args.config)
    if args.cfg_options:
        cfg.merge_from_dict(args.cfg_options)
    merged, report = merge(load_state_dict(args.rgb_checkpoint),
                           load_state_dict(args.pose_checkpoint),
                           target_shapes(cfg))
    out_dir = osp.dirname(osp.abspath(args.out))
    if not osp.isdir(out_dir):
        raise FileNotFoundError(f'output folder {out_dir!r} does not exist')
    torch.save(dict(state_dict=merged,
                    meta=dict(rgb=args.rgb_checkpoint,
                              pose=args.pose_checkpoint,
                              config=args.config)), args.out)
    print(f'merged {len(merged)} tensors into {args.out}')
    print(f'zero-padded input channels of {len(report["padded"])}: '
          + ', '.join(report['padded']))
    print(f'{len(report["left_to_init"])} tensors left to the model init '
          '(laterals)')
    return report


if __name__ == '__main__':
    try:
        main()
    except (KeyError, ValueError, FileNotFoundError) as err:
        print(f'error: {err.args[0] if err.args else err}',
              file=sys.stderr)
        sys.exit(1)
