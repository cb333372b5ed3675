# Copyright (c) mmaction-pose. All rights reserved.
"""Converters from public checkpoints to the key names of our models.

``CONVERTERS`` maps a name (the first argument of
``tools/convert_checkpoint.py``) to a pure function
``state_dict -> (converted_state_dict, dropped_keys)``.
"""
from __future__ import annotations

from typing import Callable

from .bn_inception import (BNINCEPTION_URLS, convert_bninception_state_dict,
                           cross_modality_init, map_bninception_state_dict)
from .eco_lite import ECO_LITE_URLS, map_eco_lite_state_dict
from .loading import load_converted
from .openpose import OPENPOSE_URLS, map_openpose_state_dict

CONVERTERS: dict[str, Callable[[dict], tuple[dict, list[str]]]] = {
    'bninception_tsn': map_bninception_state_dict,
    'eco_lite': map_eco_lite_state_dict,
    'openpose_coco': map_openpose_state_dict,
}

__all__ = [
    'BNINCEPTION_URLS', 'CONVERTERS', 'ECO_LITE_URLS', 'OPENPOSE_URLS',
    'convert_bninception_state_dict', 'cross_modality_init',
    'load_converted', 'map_bninception_state_dict', 'map_eco_lite_state_dict',
    'map_openpose_state_dict'
]
