# Copyright (c) mmaction-pose. All rights reserved.
"""mmaction-pose: pose-based action recognition papers as MMAction2 configs.

Importing the package applies the compatibility shims of
:mod:`mmaction_pose.utils.compat` first, so that mmaction2, mmdet and mmpose
import on the pinned CPU stack. Nothing else is imported eagerly; modules are
registered lazily through the registry ``locations``.
"""
from .utils import compat as _compat

_compat.apply()

from .version import __version__  # noqa: E402

__all__ = ['__version__']
