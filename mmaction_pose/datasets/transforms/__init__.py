# Copyright (c) mmaction-pose. All rights reserved.
"""Registered transforms (thin shells around ``functional``)."""
__all__: list = []
