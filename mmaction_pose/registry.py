# Copyright (c) mmaction-pose. All rights reserved.
"""Registry nodes of ``mmaction_pose``.

Every node is a child of the MMAction2 node of the same name under the scope
``mmaction_pose``. An unprefixed ``type`` resolves here first, then in
MMAction2, then in MMEngine. A name registered here may also exist in an
ancestor node only if it is a drop-in replacement listed in the allow-list of
``tests/test_registry.py``; any other overlap fails that test.

``Registry.get`` falls back to the parent's table without running the
parent's lazy imports, so every node's ``locations`` also names MMAction2's
modules. Only existing modules are listed (MMAction2's ``FUNCTION`` node
points at the non-existent ``mmaction.mmengine``; ours does not copy that).
"""
from __future__ import annotations

from mmengine.registry import Registry

from mmaction import registry as mmaction_registry

SCOPE = 'mmaction_pose'


def _child(parent: Registry, locations: list[str]) -> Registry:
    """Create the ``mmaction_pose`` node under an MMAction2 node."""
    return Registry(
        parent.name, parent=parent, scope=SCOPE, locations=locations)


_ENGINE = ['mmaction.engine', 'mmaction_pose.engine']
_MODELS = ['mmaction.models', 'mmaction_pose.models']

RUNNERS = _child(mmaction_registry.RUNNERS, ['mmaction.engine.runner'])
RUNNER_CONSTRUCTORS = _child(mmaction_registry.RUNNER_CONSTRUCTORS,
                             ['mmaction.engine.runner'])
LOOPS = _child(mmaction_registry.LOOPS, ['mmaction.engine.runner'])
HOOKS = _child(mmaction_registry.HOOKS,
               ['mmaction.engine.hooks', 'mmaction_pose.engine'])
DATASETS = _child(mmaction_registry.DATASETS,
                  ['mmaction.datasets', 'mmaction_pose.datasets'])
DATA_SAMPLERS = _child(mmaction_registry.DATA_SAMPLERS, ['mmaction.datasets'])
TRANSFORMS = _child(
    mmaction_registry.TRANSFORMS,
    ['mmaction.datasets.transforms', 'mmaction_pose.datasets.transforms'])
MODELS = _child(mmaction_registry.MODELS, _MODELS)
MODEL_WRAPPERS = _child(mmaction_registry.MODEL_WRAPPERS, ['mmaction.models'])
WEIGHT_INITIALIZERS = _child(mmaction_registry.WEIGHT_INITIALIZERS,
                             ['mmaction.models'])
OPTIMIZERS = _child(mmaction_registry.OPTIMIZERS,
                    ['mmaction.engine.optimizers'])
OPTIM_WRAPPERS = _child(mmaction_registry.OPTIM_WRAPPERS,
                        ['mmaction.engine.optimizers'])
OPTIM_WRAPPER_CONSTRUCTORS = _child(
    mmaction_registry.OPTIM_WRAPPER_CONSTRUCTORS,
    ['mmaction.engine.optimizers'])
PARAM_SCHEDULERS = _child(mmaction_registry.PARAM_SCHEDULERS,
                          ['mmaction.engine'])
METRICS = _child(mmaction_registry.METRICS,
                 ['mmaction.evaluation', 'mmaction_pose.evaluation'])
EVALUATOR = _child(mmaction_registry.EVALUATOR, ['mmaction.evaluation'])
TASK_UTILS = _child(mmaction_registry.TASK_UTILS, ['mmaction.models'])
VISUALIZERS = _child(mmaction_registry.VISUALIZERS,
                     ['mmaction.visualization'])
VISBACKENDS = _child(mmaction_registry.VISBACKENDS,
                     ['mmaction.visualization'])
LOG_PROCESSORS = _child(mmaction_registry.LOG_PROCESSORS, ['mmaction.engine'])
INFERENCERS = _child(mmaction_registry.INFERENCERS,
                     ['mmaction.apis.inferencers'])
FUNCTION = _child(mmaction_registry.FUNCTION, [])
TOKENIZER = _child(mmaction_registry.TOKENIZER, ['mmaction.models'])

ALL_NODES: tuple[Registry, ...] = (
    RUNNERS, RUNNER_CONSTRUCTORS, LOOPS, HOOKS, DATASETS, DATA_SAMPLERS,
    TRANSFORMS, MODELS, MODEL_WRAPPERS, WEIGHT_INITIALIZERS, OPTIMIZERS,
    OPTIM_WRAPPERS, OPTIM_WRAPPER_CONSTRUCTORS, PARAM_SCHEDULERS, METRICS,
    EVALUATOR, TASK_UTILS, VISUALIZERS, VISBACKENDS, LOG_PROCESSORS,
    INFERENCERS, FUNCTION, TOKENIZER)
