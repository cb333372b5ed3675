# Copyright (c) mmaction-pose. All rights reserved.
"""Utilities: compatibility shims and registration helpers.

``setup_env`` is imported lazily because it imports mmaction2, which must
only happen after :func:`mmaction_pose.utils.compat.apply`.
"""
from . import compat

__all__ = ['compat', 'register_all_modules']


def register_all_modules(init_default_scope: bool = True) -> None:
    """Import all mmaction2 and mmaction_pose modules into the registries."""
    from .setup_env import register_all_modules as _register
    _register(init_default_scope=init_default_scope)
