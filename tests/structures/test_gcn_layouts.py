# Copyright (c) mmaction-pose. All rights reserved.
"""Our layouts as mmaction2 GCN graphs (``gcn_layout``) and bone pairs."""
from __future__ import annotations

import numpy as np
import pytest

from mmaction.models.utils.graph import Graph
from mmaction_pose.structures import (GCN_CENTRES, LAYOUTS, bone_pairs,
                                      gcn_layout, get_layout)

NAMES = sorted(LAYOUTS)
MODES = ('spatial', 'stgcn_spatial', 'binary_adj')


def test_every_layout_has_a_centre():
    assert set(GCN_CENTRES) == set(LAYOUTS)


@pytest.mark.parametrize('name', NAMES)
@pytest.mark.parametrize('mode', MODES)
def test_mmaction2_graph_builds(name, mode):
    layout = get_layout(name)
    graph = Graph(layout=gcn_layout(name), mode=mode)
    assert graph.A.shape[1:] == (layout.num_joints, layout.num_joints)
    assert np.isfinite(graph.A).all()


@pytest.mark.parametrize('name', NAMES)
def test_graph_is_a_connected_symmetric_tree_of_limbs(name):
    layout = get_layout(name)
    graph = gcn_layout(name)
    v = layout.num_joints
    assert graph['num_node'] == v
    assert graph['center'] == layout.index(GCN_CENTRES[name])
    assert len(graph['inward']) == v - 1
    limbs = {frozenset(limb) for limb in layout.limbs}
    assert {frozenset(e) for e in graph['inward']} <= limbs
    hops = Graph(layout=graph, mode='spatial', max_hop=v).hop_dis
    assert np.isfinite(hops).all()  # connected
    np.testing.assert_array_equal(hops, hops.T)  # symmetric
    # Inward edges point towards the centre, one hop at a time.
    centre = graph['center']
    for child, parent in graph['inward']:
        assert hops[parent, centre] == hops[child, centre] - 1


@pytest.mark.parametrize('name', NAMES)
def test_spatial_partition_in_and_out_are_transposes(name):
    a = Graph(layout=gcn_layout(name), mode='spatial').A
    np.testing.assert_array_equal(a[1] > 0, (a[2] > 0).T)
    np.testing.assert_array_equal(a[0], np.eye(len(a[0])))


def test_coco17_edges_are_mmaction2_coco_edges():
    ours, theirs = Graph(layout=gcn_layout('coco17')), Graph('coco')
    assert set(map(tuple, ours.inward)) == set(map(tuple, theirs.inward))
    assert ours.center == theirs.center


@pytest.mark.parametrize('mode', MODES)
def test_coco17_adjacency_equals_mmaction2_coco(mode):
    ours = Graph(layout=gcn_layout('coco17'), mode=mode).A
    theirs = Graph('coco', mode=mode).A
    np.testing.assert_array_equal(ours, theirs)


def test_cycle_closing_limbs_are_left_out():
    penn = get_layout('penn13')
    edges = {frozenset(e) for e in gcn_layout('penn13')['inward']}
    for a, b in [('left_hip', 'right_hip'),
                 ('left_shoulder', 'right_shoulder')]:
        assert frozenset((penn.index(a), penn.index(b))) not in edges


@pytest.mark.parametrize('name', NAMES)
def test_bone_pairs_are_the_tree_parents(name):
    graph = gcn_layout(name)
    parent = dict(graph['inward'])
    pairs = bone_pairs(name)
    assert [v for v, _ in pairs] == list(range(graph['num_node']))
    centre = graph['center']
    for v, p in pairs:
        if name == 'coco17' and v in (11, 12):
            continue  # mmaction2's 'coco' bones: hips hang from the nose
        assert p == (v if v == centre else parent[v])


def test_coco17_bone_pairs_are_mmaction2_coco_pairs():
    from mmaction.datasets.transforms import JointToBone
    assert sorted(bone_pairs('coco17')) == \
        sorted(JointToBone(dataset='coco').pairs)


def test_unknown_layout_is_reported():
    with pytest.raises(KeyError, match='unknown skeleton layout'):
        gcn_layout('kinect30')
