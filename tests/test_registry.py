# Copyright (c) mmaction-pose. All rights reserved.
"""Registry contract: our nodes are children of mmaction2's, and no name
shadows an ancestor except verified drop-in replacements."""
from __future__ import annotations

import importlib

import pytest

from mmaction import registry as mmaction_registry
from mmaction_pose import registry

# The ONLY names that may also exist in an ancestor node: drop-in
# replacements, each proven by a parity test against MMAction2's own class.
# An entry is added together with its class and its parity test.
DROP_IN_REPLACEMENTS = {
    'dataset': {'PoseDataset'},  # tests/datasets/test_pose_dataset.py
    'model': {'RGBPoseHead'},  # tests/models/heads/test_rgbpose_head.py
    # tests/datasets/transforms/test_{pose_target,sampling,compact}.py
    'transform': {'GeneratePoseTarget', 'UniformSampleFrames', 'PoseCompact'},
}


def test_every_mmaction_node_has_a_child():
    parents = {
        id(getattr(mmaction_registry, name))
        for name in dir(mmaction_registry)
        if isinstance(getattr(mmaction_registry, name),
                      type(mmaction_registry.MODELS))
        and getattr(mmaction_registry, name).scope == 'mmaction'
    }
    ours = {id(node.parent) for node in registry.ALL_NODES}
    assert parents == ours


@pytest.mark.parametrize('node', registry.ALL_NODES, ids=lambda n: n.name)
def test_node_is_scoped_child(node):
    assert node.scope == 'mmaction_pose'
    assert node.parent is not None and node.parent.scope == 'mmaction'


@pytest.mark.parametrize('node', registry.ALL_NODES, ids=lambda n: n.name)
def test_no_name_shadows_an_ancestor_except_drop_ins(node):
    ancestors, parent = set(), node.parent
    while parent is not None:
        ancestors |= set(parent.module_dict)
        parent = parent.parent
    allowed = DROP_IN_REPLACEMENTS.get(node.name, set())
    shadowing = set(node.module_dict) & ancestors
    assert shadowing <= allowed, (
        f'{sorted(shadowing - allowed)} shadow mmaction2/mmengine names; '
        'rename them or prove them drop-ins and allow-list them')


@pytest.mark.parametrize('node', registry.ALL_NODES, ids=lambda n: n.name)
def test_locations_import(node):
    for location in node._locations:
        importlib.import_module(location)


@pytest.mark.parametrize('node', registry.ALL_NODES, ids=lambda n: n.name)
def test_registered_classes_have_docstrings(node):
    for name, cls in node.module_dict.items():
        assert (cls.__doc__ or '').strip(), f'{name} has no docstring'


def test_allow_listed_names_are_registered_here():
    nodes = {node.name: node for node in registry.ALL_NODES}
    for node_name, names in DROP_IN_REPLACEMENTS.items():
        for name in names:
            if name in nodes[node_name].module_dict:
                continue
            pytest.fail(f'allow-listed {name!r} is not registered in our '
                        f'{node_name!r} node')


def test_unprefixed_name_resolves_to_drop_in_under_our_scope():
    from mmengine.registry import DefaultScope

    from mmaction.datasets import PoseDataset as MMAPoseDataset
    from mmaction_pose.datasets import PoseDataset
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        assert registry.DATASETS.get('PoseDataset') is PoseDataset
    assert mmaction_registry.DATASETS.get('PoseDataset') is MMAPoseDataset
