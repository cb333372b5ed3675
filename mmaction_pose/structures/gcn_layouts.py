# Copyright (c) mmaction-pose. All rights reserved.
"""Our skeleton layouts as mmaction2 GCN graphs and bone pairs.

mmaction2's ``Graph`` (``mmaction.models.utils.graph``, used by ``STGCN``
and ``AAGCN`` through ``graph_cfg=dict(layout=..., mode=...)``) accepts a
layout dict ``dict(num_node=V, inward=[(child, parent), ...], center=c)``.
Its ``'spatial'`` mode splits the neighbours of a joint into the joint
itself, the inward (towards ``center``) and the outward ones, so every edge
needs a direction. :func:`gcn_layout` derives that dict from a layout's
limbs: a breadth-first spanning tree from the centre joint, every edge
pointing from child to parent. A limb that closes a cycle (COCO-17's
hip-hip, Penn-13's shoulder-shoulder and hip-hip) has no inward direction
and is left out, as in mmaction2's built-in graphs (its ``'coco'`` graph
has no hip-hip edge either); where a joint could be reached from two
parents at the same depth, the earlier limb wins.

Centres (:data:`GCN_CENTRES`):

* ``coco17``: ``nose``, the centre of mmaction2's ``'coco'`` layout (our
  ``gcn_layout('coco17')`` builds exactly its adjacency);
* ``penn13``: ``head``, Penn Action's counterpart of COCO's nose;
* ``jhmdb15``: ``neck``, as mmaction2's ``'openpose'`` layout (neck) and
  ``'nturgb+d'`` (spine at the shoulders);
* ``ntu25``: ``spine_shoulder``, the centre of mmaction2's ``'nturgb+d'``
  layout. Our NTU-25 limbs (mmaction2's ``JointToBone('nturgb+d')`` pairs)
  chain hand tip -> thumb -> hand, where mmaction2's ``'nturgb+d'`` graph
  hangs tip and thumb both from the hand, so the two NTU graphs differ in
  those four edges;
* ``kinect20``: ``shoulder_center``, Kinect v1's counterpart of NTU's
  ``spine_shoulder``.

:func:`bone_pairs` gives the ``(joint, parent)`` pairs of a bone stream
(bone = joint minus parent; the centre's bone is zero), read from the same
tree, for ``LayoutJointToBone``.
"""
from __future__ import annotations

from collections import deque

from .skeleton_layouts import SkeletonLayout, get_layout

GCN_CENTRES: dict[str, str] = {
    'coco17': 'nose',
    'penn13': 'head',
    'jhmdb15': 'neck',
    'ntu25': 'spine_shoulder',
    'kinect20': 'shoulder_center',
}
"""The centre joint of every layout's GCN graph (see the module docs)."""

# mmaction2's JointToBone(dataset='coco'), like pyskl's, hangs both hips
# from the nose rather than from the shoulders as its 'coco' graph does;
# coco17 keeps that, so its bone stream equals mmaction2's and works with
# the bone checkpoints trained there.
_BONE_PARENT_OVERRIDES: dict[str, dict[str, str]] = {
    'coco17': {'left_hip': 'nose', 'right_hip': 'nose'},
}


def _centre(layout: SkeletonLayout) -> int:
    try:
        return layout.index(GCN_CENTRES[layout.name])
    except KeyError:
        raise KeyError(f'no GCN centre joint for layout {layout.name!r}; '
                       f'add it to GCN_CENTRES') from None


def spanning_tree(layout: SkeletonLayout,
                  centre: int) -> list[tuple[int, int]]:
    """Breadth-first spanning tree of the limbs, rooted at ``centre``.

    Returns:
        ``(child, parent)`` joint index pairs, ``V - 1`` of them, in
        breadth-first order.

    Raises:
        ValueError: the limbs do not connect every joint.
    """
    neighbours: list[list[int]] = [[] for _ in layout.joints]
    for a, b in layout.limbs:
        neighbours[a].append(b)
        neighbours[b].append(a)
    seen, queue, edges = {centre}, deque([centre]), []
    while queue:
        parent = queue.popleft()
        for child in neighbours[parent]:
            if child not in seen:
                seen.add(child)
                queue.append(child)
                edges.append((child, parent))
    if len(seen) != layout.num_joints:
        lost = [j for i, j in enumerate(layout.joints) if i not in seen]
        raise ValueError(
            f'{layout.name}: the limbs do not connect {lost} to the centre')
    return edges


def gcn_layout(name: str) -> dict:
    """mmaction2 ``Graph`` layout dict of one of our layouts.

    ``Graph(layout=gcn_layout('penn13'), mode='spatial')``, or in a config
    ``graph_cfg=dict(layout=gcn_layout('penn13'), mode='spatial')``.

    Returns:
        ``dict(num_node=V, inward=[(child, parent), ...], center=c)`` with
        the ``V - 1`` edges of :func:`spanning_tree` from the layout's
        :data:`GCN_CENTRES` joint.
    """
    layout = get_layout(name)
    centre = _centre(layout)
    return dict(num_node=layout.num_joints,
                inward=spanning_tree(layout, centre), center=centre)


def bone_pairs(name: str) -> list[tuple[int, int]]:
    """``(joint, parent)`` pairs of a layout's bone stream, in joint order.

    The parent is the joint's parent in the :func:`gcn_layout` tree (the
    centre is its own parent: a zero bone), except where mmaction2's
    ``JointToBone`` differs for the same skeleton (COCO-17's hips hang from
    the nose), so the bones equal mmaction2's.
    """
    layout = get_layout(name)
    centre = _centre(layout)
    parent = {centre: centre}
    parent.update(spanning_tree(layout, centre))
    for joint, new in _BONE_PARENT_OVERRIDES.get(name, {}).items():
        parent[layout.index(joint)] = layout.index(new)
    return [(v, parent[v]) for v in range(layout.num_joints)]
