# Copyright (c) mmaction-pose. All rights reserved.
"""Skeleton layouts: the Kinect v1 layout of N-UCLA (``KINECT20``), its flip
maps, limbs and config lists."""
from __future__ import annotations

from pathlib import Path

from mmengine.config import Config

from mmaction_pose.structures import (KINECT20, LAYOUTS, get_layout,
                                      layout_lists)

SKELETONS = Path(__file__).resolve().parents[2] / 'configs' / '_base_' / \
    'skeletons'
# data.md section D, in file order.
NUCLA_JOINTS = (
    'hip_center', 'spine', 'shoulder_center', 'head', 'shoulder_left',
    'elbow_left', 'wrist_left', 'hand_left', 'shoulder_right', 'elbow_right',
    'wrist_right', 'hand_right', 'hip_left', 'knee_left', 'ankle_left',
    'foot_left', 'hip_right', 'knee_right', 'ankle_right', 'foot_right')


def _ours(name: str) -> str:
    for side in ('left', 'right'):
        if name.endswith('_' + side):
            return f'{side}_{name[:-len(side) - 1]}'
    return name


def test_kinect20_joint_order_is_the_nucla_file_order():
    assert KINECT20.joints == tuple(_ours(n) for n in NUCLA_JOINTS)
    assert get_layout('kinect20') is KINECT20 is LAYOUTS['kinect20']


def test_kinect20_flip_map_swaps_sides_and_keeps_the_spine():
    flip = KINECT20.flip_index
    for i, name in enumerate(KINECT20.joints):
        if name.startswith(('left_', 'right_')):
            other = KINECT20.joints[flip[i]]
            assert other != name and other.split('_', 1)[1] == \
                name.split('_', 1)[1]
        else:
            assert flip[i] == i, name
    assert [flip[i] for i in flip] == list(range(20))
    assert len(KINECT20.left_kp) == len(KINECT20.right_kp) == 8


def test_kinect20_limbs_are_the_19_kinect_v1_bones():
    assert KINECT20.num_limbs == 19
    names = {frozenset(KINECT20.joints[j] for j in limb)
             for limb in KINECT20.limbs}
    for a, b in [('hip_center', 'spine'), ('spine', 'shoulder_center'),
                 ('head', 'shoulder_center'),
                 ('left_shoulder', 'shoulder_center'),
                 ('left_hand', 'left_wrist'), ('left_hip', 'hip_center'),
                 ('right_foot', 'right_ankle')]:
        assert frozenset((a, b)) in names
    # A tree: 19 edges reaching all 20 joints.
    reached, edges = {0}, list(KINECT20.limbs)
    while edges:
        edge = next(e for e in edges if set(e) & reached)
        edges.remove(edge)
        reached |= set(edge)
    assert reached == set(range(20))


def test_kinect20_limb_flip_maps_every_limb_to_its_mirror():
    flip, lflip = KINECT20.flip_index, KINECT20.limb_flip_index
    for i, (a, b) in enumerate(KINECT20.limbs):
        assert {flip[a], flip[b]} == set(KINECT20.limbs[lflip[i]])
    assert [lflip[i] for i in lflip] == list(range(19))


def test_kinect20_parts_follow_rpan_grouping():
    assert KINECT20.part_names == ['torso', 'elbow', 'wrist', 'knee',
                                   'ankle']
    assert sorted(sum(KINECT20.part_index, [])) == list(range(20))


def test_kinect20_config_lists_come_from_the_layout():
    cfg = Config.fromfile(str(SKELETONS / 'kinect20.py'))
    lists = layout_lists('kinect20')
    for key, value in lists.items():
        assert cfg[key] == value, key
    assert cfg.layout == 'kinect20' and cfg.num_joints == 20
    assert cfg.gcn_graph['num_node'] == 20


def test_every_skeleton_config_names_its_layout():
    for path in sorted(SKELETONS.glob('*.py')):
        cfg = Config.fromfile(str(path))
        assert cfg.layout == path.stem
        assert cfg.num_joints == get_layout(path.stem).num_joints
        assert cfg.gcn_graph['num_node'] == cfg.num_joints
