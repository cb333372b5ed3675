# Copyright (c) mmaction-pose. All rights reserved.
"""Models: importing this package registers every model of the plugin."""
from . import (backbones, data_preprocessors, heads, layers, losses,  # noqa: F401
               recognizers)

__all__: list = []
