# Copyright (c) mmaction-pose. All rights reserved.
"""Metrics (registered) and their pure functions (``functional``)."""
from . import metrics  # noqa: F401

__all__: list = []
