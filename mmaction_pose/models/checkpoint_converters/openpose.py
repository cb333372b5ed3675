# Copyright (c) mmaction-pose. All rights reserved.
"""OpenPose COCO body checkpoints -> :class:`OpenPoseVGG19` keys.

PAS-Net's pose stream starts from OpenPose (Sec. III-A; ``docs/papers/
pasnet.md`` Sec. 6.13). The CMU model (``pose/coco/pose_iter_440000.
caffemodel`` with ``pose_deploy_linevec.prototxt``) is Caffe; its common
PyTorch port (Hzzone/pytorch-openpose, converted with caffemodel2pytorch)
ships ``body_pose_model.pth``, a bare state dict under the **flat Caffe
layer names**, which the port's ``util.transfer`` maps onto its
``bodypose_model`` (``model0.conv1_1.weight``). Our module tree is that of
``bodypose_model``, so::

    conv1_1.weight            -> model0.conv1_1.weight
    conv5_5_CPM_L1.bias       -> model1_1.conv5_5_CPM_L1.bias
    Mconv1_stage2_L2.weight   -> model2_2.Mconv1_stage2_L2.weight
    model2_2.Mconv1_stage2_L2.weight (a ``bodypose_model`` state dict)
                              -> unchanged
    backbone.pose.model0.conv1_1.weight (ours, in a PAS-Net checkpoint)
                              -> model0.conv1_1.weight

Every conv has ``weight`` and ``bias``; there is no BN. Keys of other
networks of our PAS-Net checkpoints (``appearance``, ``st``, ``fusion``,
``cls_head``) are dropped.
"""
from __future__ import annotations

from collections import OrderedDict

from ..backbones.openpose_vgg19 import openpose_layer_map
from .loading import strip_prefixes

#: Public weights (never downloaded by the tests).
OPENPOSE_URLS = {
    # Hzzone/pytorch-openpose's body_pose_model.pth, as mirrored by
    # ControlNet's annotators (the URL its openpose annotator downloads).
    'body_coco_pytorch': 'https://huggingface.co/lllyasviel/Annotators/'
                         'resolve/main/body_pose_model.pth',
    # The port's own download folder (README "Model Download").
    'body_coco_pytorch_dropbox': 'https://www.dropbox.com/sh/7xbup2qsn7vvjxo/'
                                 'AABWFksdlgOMXR_r5v3RwKRYa?dl=0',
    # CMU's Caffe original (for reference; convert it to the port first).
    'body_coco_caffe': 'http://posefs1.perception.cs.cmu.edu/OpenPose/models/'
                       'pose/coco/pose_iter_440000.caffemodel',
}

PREFIXES = ('module.', 'backbone.', 'pose.')
#: Other networks of our PAS-Net / recognizer checkpoints: dropped.
DROPPED_PREFIXES = ('appearance.', 'st.', 'fusion.', 'cls_head.',
                    'data_preprocessor.')


def map_openpose_state_dict(
        state_dict: dict) -> tuple[OrderedDict, list[str]]:
    """Convert an OpenPose body (COCO) state dict; list what was dropped.

    Args:
        state_dict: ``body_pose_model.pth`` (flat names), a
            ``bodypose_model`` state dict, or ours (optionally inside a
            PAS-Net / recognizer checkpoint).

    Returns:
        ``(converted, dropped)``: tensors under :class:`OpenPoseVGG19` keys
        of all 6 stages, and the original keys dropped.

    Raises:
        ValueError: naming the first key of no OpenPose layer, or a key
            that duplicates another after conversion.
    """
    layers = openpose_layer_map(6)
    blocks = set(layers.values())
    out: OrderedDict = OrderedDict()
    dropped = []
    for key, value in state_dict.items():
        stripped = strip_prefixes(key, PREFIXES)
        if stripped.startswith(DROPPED_PREFIXES):
            dropped.append(key)
            continue
        parts = stripped.split('.')
        if len(parts) == 3 and parts[0] in blocks:
            block, layer, suffix = parts
        elif len(parts) == 2:
            (layer, suffix), block = parts, layers.get(parts[0])
        else:
            block = layer = suffix = None
        if (layers.get(layer) != block or block is None
                or suffix not in ('weight', 'bias')):
            raise ValueError(f'unknown OpenPose checkpoint key {key!r}')
        new = f'{block}.{layer}.{suffix}'
        if new in out:
            raise ValueError(f'{key!r} maps to {new!r}, already converted')
        out[new] = value
    return out, dropped
