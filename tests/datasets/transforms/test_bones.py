# Copyright (c) mmaction-pose. All rights reserved.
"""``LayoutJointToBone``: bones of any layout, equal to mmaction2's
``JointToBone`` on COCO-17."""
from __future__ import annotations

import copy

import numpy as np
import pytest

from mmaction.datasets.transforms import GenSkeFeat, JointToBone
from mmaction_pose.datasets.annotation_checks import \
    pipeline_joint_requirement
from mmaction_pose.datasets.transforms import LayoutJointToBone
from mmaction_pose.datasets.transforms.functional import joints_to_bones
from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures import LAYOUTS, bone_pairs, get_layout


@pytest.mark.parametrize('channels', [2, 3])
def test_coco17_bones_equal_mmaction2_joint_to_bone(coco_pose, channels):
    kp = coco_pose['keypoint']
    if channels == 3:
        kp = np.concatenate([kp, coco_pose['keypoint_score'][..., None] *
                             np.linspace(0.2, 1, 17)[:, None]], -1)
    sample = dict(keypoint=kp.astype(np.float32))
    ours = LayoutJointToBone(layout='coco17').transform(copy.deepcopy(sample))
    ref = JointToBone(dataset='coco').transform(copy.deepcopy(sample))
    assert ours['keypoint'].dtype == ref['keypoint'].dtype == np.float32
    np.testing.assert_array_equal(ours['keypoint'], ref['keypoint'])


def test_coco17_bone_pipeline_equals_mmaction2_gen_ske_feat(coco_pose):
    ours = TRANSFORMS.build(dict(type='LayoutJointToBone', layout='coco17'))
    joints = GenSkeFeat(dataset='coco', feats=['j'])
    out = ours.transform(joints.transform(copy.deepcopy(coco_pose)))
    ref = GenSkeFeat(dataset='coco', feats=['b']).transform(
        copy.deepcopy(coco_pose))
    # mmaction2 also leaves the joints behind under 'j'.
    assert set(ref) - set(out) == {'j'} and set(out) <= set(ref)
    np.testing.assert_array_equal(out['keypoint'], ref['keypoint'])


def test_joints_to_bones_hand_example():
    kp = np.array([[0., 0., 1.], [1., 2., .5], [4., 6., .0]])  # (V, C)
    bones = joints_to_bones(kp, [(0, 0), (1, 0), (2, 1)])
    np.testing.assert_allclose(
        bones, [[0, 0, 1.], [1, 2, .75], [3, 4, .25]])
    bones3d = joints_to_bones(kp, [(0, 0), (1, 0), (2, 1)], dims=3)
    np.testing.assert_allclose(bones3d[2], [3, 4, -.5])


@pytest.mark.parametrize('name', sorted(LAYOUTS))
def test_every_layout_bone_is_joint_minus_parent(name, rng):
    v = get_layout(name).num_joints
    kp = rng.normal(size=(2, 5, v, 2)).astype(np.float32)
    out = LayoutJointToBone(layout=name).transform(dict(keypoint=kp.copy()))
    for joint, parent in bone_pairs(name):
        np.testing.assert_allclose(out['keypoint'][..., joint, :],
                                   kp[..., joint, :] - kp[..., parent, :])


def test_target_key_keeps_the_joints(rng):
    kp = rng.normal(size=(1, 4, 13, 3)).astype(np.float32)
    out = LayoutJointToBone(layout='penn13', target='bone').transform(
        dict(keypoint=kp))
    assert out['keypoint'] is kp and out['bone'].shape == kp.shape


def test_wrong_joint_count_is_reported(coco_pose):
    with pytest.raises(ValueError, match=r"\(M, T, 13, C\).*'penn13'"):
        LayoutJointToBone(layout='penn13').transform(coco_pose)


def test_bad_arguments_are_rejected():
    with pytest.raises(KeyError, match='unknown skeleton layout'):
        LayoutJointToBone(layout='nope')
    with pytest.raises(ValueError, match='dims'):
        LayoutJointToBone(layout='penn13', dims=4)


def test_dataset_checks_the_layout_joint_count():
    step = LayoutJointToBone(layout='kinect20')
    req = pipeline_joint_requirement([step])
    assert req.exact == 20 and 'kinect20' in req.layout
    assert 'kinect20' in repr(step)
