# Copyright (c) mmaction-pose. All rights reserved.
"""Models: importing this package registers every model of the plugin."""
from . import backbones, data_preprocessors, heads, layers, recognizers  # noqa: F401,E501

__all__: list = []
