# Copyright (c) mmaction-pose. All rights reserved.
"""Public ECO-Lite checkpoints -> PAS-Net's ``appearance`` + ``st`` keys.

PAS-Net (Sec. III-A) initialises its appearance stream and its 3D net from
ECO ("ECO-(H2D)", "ECO-(H3D)"); twice-finetune's stage 1 is ECO-Lite
fine-tuned from Kinetics (``docs/papers/pasnet.md`` Sec. 3, 6.13).

The released ECO-Lite Kinetics model (mzolfaghari/ECO-pytorch, README
"ECO-Lite pretrained model on Kinetics", ``ECO_Lite_rgb_model_Kinetics.
pth.tar``) is a tsn-pytorch training checkpoint::

    {'epoch', 'arch', 'best_prec1',
     'state_dict': {'module.base_model.conv1_7x7_s2.weight', ...,
                    'module.base_model.inception_3c_double_3x3_1_bn.*',
                    'module.base_model.res3a_2.weight', 'res3a_2.bias',
                    'res3a_bn.*', ..., 'module.base_model.res5b_bn.*',
                    'module.new_fc.weight' (400, 512), 'module.new_fc.bias'}}

(the key list as printed by loaders of that file). The 2D keys go through
the BN-Inception converter; the 3D keys are the :class:`ECO3DResNet18`
module names. Output keys are those of a ``Recognizer3D`` with a PASNet
backbone, so the file works as ``load_from`` of twice-finetune's stage 1::

    module.base_model.inception_3a_1x1_bn.bias
                            -> backbone.appearance.inception_3a.1x1.bn.bias
    module.base_model.res4a_down.weight -> backbone.st.res4a_down.weight

The classifier (``new_fc``: Kinetics' 400 classes) is dropped, as are the
pose stream, fusion and head of our own PAS-Net checkpoints.
"""
from __future__ import annotations

from collections import OrderedDict

import torch

from ..backbones.eco_3d_resnet import eco3d_layers
from .bn_inception import map_bninception_state_dict
from .loading import strip_prefixes

#: Public weights (never downloaded by the tests). Google Drive file of the
#: mzolfaghari/ECO-pytorch README; its BaiduYun mirror is linked there too.
ECO_LITE_URLS = {
    'kinetics': 'https://drive.google.com/open?id='
                '1XNIq7byciKgrn011jLBggd2g79jKX4uD',
}

#: Wrappers stripped from the front of every key (repeatedly).
PREFIXES = ('module.', 'base_model.', 'backbone.')
#: Tensors of other networks: dropped (classifiers, PAS-Net's other parts).
DROPPED_PREFIXES = ('new_fc.', 'fc_final.', 'fc.', 'cls_head.', 'pose.',
                    'fusion.', 'data_preprocessor.')
BN_SUFFIXES = ('weight', 'bias', 'running_mean', 'running_var',
               'num_batches_tracked')


def map_eco_lite_state_dict(
        state_dict: dict) -> tuple[OrderedDict, list[str]]:
    """Convert an ECO-Lite state dict; also list what was dropped.

    Args:
        state_dict: The public ECO-Lite state dict (any of the prefixes
            ``module.``, ``base_model.``) or ours (``backbone.appearance.*``,
            ``backbone.st.*``, or without ``backbone.``).

    Returns:
        ``(converted, dropped)``: tensors under ``backbone.appearance.*``
        and ``backbone.st.*``, each BN with ``num_batches_tracked``; and the
        original keys dropped.

    Raises:
        ValueError: naming the first key of no ECO-Lite layer, or a
            duplicate after the prefixes are stripped.
    """
    layers = {name: kind for name, kind, *_ in eco3d_layers()}
    out: OrderedDict = OrderedDict()
    dropped, two_d = [], OrderedDict()
    for key, value in state_dict.items():
        stripped = strip_prefixes(key, PREFIXES)
        if stripped.startswith(DROPPED_PREFIXES):
            dropped.append(key)
            continue
        if stripped.startswith('st.'):
            stripped = stripped[3:]
        elif stripped.startswith('appearance.'):
            two_d[stripped[len('appearance.'):]] = value
            continue
        layer, _, suffix = stripped.rpartition('.')
        if layer not in layers:
            two_d[stripped] = value  # BN-Inception's; checked there
            continue
        kind = layers[layer]
        if suffix not in (('weight', 'bias') if kind == 'conv' else
                          BN_SUFFIXES):
            raise ValueError(f'unknown ECO-Lite checkpoint key {key!r}')
        new = f'backbone.st.{stripped}'
        if new in out:
            raise ValueError(f'{key!r} maps to {new!r}, already converted')
        if value.dim() == 2 and value.shape[0] == 1 and (kind == 'bn'
                                                         or suffix == 'bias'):
            value = value[0]  # (1, C) vectors of old PyTorch files
        out[new] = value
    try:
        appearance, _ = map_bninception_state_dict(two_d)
    except ValueError as err:
        raise ValueError(f'ECO-Lite checkpoint: {err}') from None
    for key in list(out):
        if key.endswith('.running_mean'):
            counter = key[:-len('running_mean')] + 'num_batches_tracked'
            out.setdefault(counter, torch.tensor(0, dtype=torch.long))
    merged = OrderedDict(
        (f'backbone.appearance.{k}', v) for k, v in appearance.items())
    merged.update(out)
    return merged, dropped
