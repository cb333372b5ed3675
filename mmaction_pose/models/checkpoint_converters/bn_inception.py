# Copyright (c) mmaction-pose. All rights reserved.
"""Public BN-Inception / TSN checkpoints -> :class:`BNInception` keys.

Handles the key names of the public ports of TSN's BN-Inception, which all
use the layer names of ``bn_inception.yaml``:

* tf_model_zoo / yjxiong (``conv1_7x7_s2.weight``, classifier ``fc.*``) and
  Cadene's ``pretrainedmodels`` (classifier ``last_linear.*``);
* tsn-pytorch training checkpoints (``module.base_model.*``, classifier
  ``module.new_fc.*``, or ``base_model.fc.*`` when trained without dropout);
* mmaction 0.x TSN2D (``backbone.*``, classifier ``cls_head.fc_cls.*``);
* our own names (``inception_3a.1x1.conv.weight``, optionally with a
  ``backbone.`` prefix), which pass through unchanged.

The public files were written by old PyTorch versions: they store 1-D
tensors as ``(1, C)`` (tsn-pytorch squeezes dim 0 when loading) and have no
BN ``num_batches_tracked``; both are fixed here.
"""
from __future__ import annotations

from collections import OrderedDict

import torch
from mmengine.logging import print_log

from ..backbones.bn_inception import bninception_layer_map
from .loading import strip_prefixes

#: Public weights (never downloaded by the tests).
BNINCEPTION_URLS = {
    # ImageNet, Cadene's pretrainedmodels (a re-upload: bn_inception-239d2248)
    'imagenet_cadene': 'http://data.lip6.fr/cadene/pretrainedmodels/'
                       'bn_inception-52deb4733.pth',
    # ImageNet, tf_model_zoo as loaded by tsn-pytorch
    'imagenet_tsn': 'https://yjxiong.blob.core.windows.net/models/'
                    'bn_inception-9f5701afb96c8044.pth',
    # ImageNet, mmaction 0.x ``open-mmlab://bninception_caffe``
    'imagenet_mmaction': 'https://open-mmlab.s3.ap-northeast-2.amazonaws.com/'
                         'pretrain/third_party/'
                         'bn_inception_caffe-ed2e8665.pth',
    # TSN UCF101 split 1, 3 segments, mmaction 0.x (RGB 86.4 %, flow 87.7 %)
    'tsn_ucf101_rgb': 'https://open-mmlab.s3.ap-northeast-2.amazonaws.com/'
                      'mmaction/models/ucf101/'
                      'tsn_2d_rgb_bninception_seg3_f1s1_b32_g8-98160339.pth',
    'tsn_ucf101_flow': 'https://open-mmlab.s3.ap-northeast-2.amazonaws.com/'
                       'mmaction/models/ucf101/'
                       'tsn_2d_flow_bninception_seg3_f1s1_b32_g8-151870b7.pth',
}

#: Wrappers stripped from the front of every key (repeatedly).
PREFIXES = ('module.', 'base_model.', 'backbone.')
#: Classifiers of the public checkpoints: dropped.
CLASSIFIER_PREFIXES = ('fc.', 'last_linear.', 'new_fc.', 'cls_head.')
CONV_SUFFIXES = ('weight', 'bias')
BN_SUFFIXES = ('weight', 'bias', 'running_mean', 'running_var',
               'num_batches_tracked')


def _rename(key: str, layers: dict[str, str],
            paths: set[str]) -> str | None:
    """Our key for a stripped key, or ``None`` if it is unknown."""
    if key.count('.') >= 2:  # already ours: 'inception_3a.1x1.bn.bias'
        path, sub, suffix = key.rsplit('.', 2)
        suffixes = {'conv': CONV_SUFFIXES, 'bn': BN_SUFFIXES}.get(sub, ())
        if path in paths and suffix in suffixes:
            return key
    layer, _, suffix = key.rpartition('.')
    if layer in layers and suffix in CONV_SUFFIXES:
        return f'{layers[layer]}.conv.{suffix}'
    if (layer.endswith('_bn') and layer[:-3] in layers
            and suffix in BN_SUFFIXES):
        return f'{layers[layer[:-3]]}.bn.{suffix}'
    return None


def map_bninception_state_dict(
        state_dict: dict) -> tuple[OrderedDict, list[str]]:
    """Convert a public BN-Inception state dict; also list what was dropped.

    Args:
        state_dict: The (possibly wrapped) public or our state dict.

    Returns:
        ``(converted, dropped)``: tensors under :class:`BNInception` keys of
        the full model (to ``inception_5b``), each BN completed with
        ``num_batches_tracked``; and the original keys of the dropped
        classifier.

    Raises:
        ValueError: naming the first key of no BN-Inception layer, or a key
            that duplicates another after the prefixes are stripped (e.g.
            ``conv1_7x7_s2.bias`` and ``module.conv1_7x7_s2.bias``).
    """
    layers = bninception_layer_map()
    paths = set(layers.values())
    out: OrderedDict = OrderedDict()
    dropped = []
    for key, value in state_dict.items():
        stripped = strip_prefixes(key, PREFIXES)
        if stripped.startswith(CLASSIFIER_PREFIXES):
            dropped.append(key)
            continue
        new = _rename(stripped, layers, paths)
        if new is None:
            raise ValueError(f'unknown BN-Inception checkpoint key {key!r}')
        if new in out:
            raise ValueError(f'{key!r} maps to {new!r}, already converted')
        if (not new.endswith('.conv.weight') and value.dim() == 2
                and value.shape[0] == 1):
            value = value[0]  # the (1, C) vectors of the old public files
        out[new] = value
    for key in list(out):
        if key.endswith('.bn.running_mean'):
            counter = key[:-len('running_mean')] + 'num_batches_tracked'
            out.setdefault(counter, torch.tensor(0, dtype=torch.long))
    return out, dropped


def convert_bninception_state_dict(state_dict: dict) -> OrderedDict:
    """Public BN-Inception keys to :class:`BNInception` keys.

    The classifier is dropped (and logged). See
    :func:`map_bninception_state_dict`.
    """
    converted, dropped = map_bninception_state_dict(state_dict)
    if dropped:
        print_log(f'dropped the classifier: {", ".join(dropped)}',
                  logger='current')
    return converted


def cross_modality_init(weight: torch.Tensor,
                        in_channels: int) -> torch.Tensor:
    """TSN's cross-modality init of the first conv (Sec. 3.3).

    "average the weights across the RGB channels and replicate this average
    by the channel number of temporal network input".

    Args:
        weight: ``(C_out, C_src, k, k)`` kernel of the checkpoint.
        in_channels: Input channels of the new model (10 for 5 flow pairs).

    Returns:
        ``(C_out, in_channels, k, k)``, every input slice the mean kernel.
    """
    mean = weight.mean(dim=1, keepdim=True)
    return mean.expand(-1, in_channels, -1, -1).contiguous()
