# Copyright (c) mmaction-pose. All rights reserved.
"""Registration helper for scripts and tests (the Runner does not need it)."""
from __future__ import annotations


def register_all_modules(init_default_scope: bool = True) -> None:
    """Import all MMAction2 and mmaction_pose modules into the registries.

    Args:
        init_default_scope: Also make ``mmaction_pose`` the global default
            scope, so that unprefixed ``type`` names resolve in our nodes
            first, then in MMAction2's, then in MMEngine's.
    """
    from mmengine.registry import init_default_scope as init_scope

    from mmaction.utils import register_all_modules as register_mmaction
    register_mmaction(init_default_scope=False)
    import mmaction_pose.datasets  # noqa: F401
    import mmaction_pose.engine  # noqa: F401
    import mmaction_pose.evaluation  # noqa: F401
    import mmaction_pose.models  # noqa: F401
    if init_default_scope:
        init_scope('mmaction_pose')
