# Copyright (c) mmaction-pose. All rights reserved.
"""Datasets and transforms: importing this package registers them."""
from . import transforms  # noqa: F401
from .pose_dataset import PoseDataset

__all__ = ['PoseDataset']
