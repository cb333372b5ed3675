# Copyright (c) mmaction-pose. All rights reserved.
"""The coordinate-sequence pipelines: mmaction2's GCN recipe for any layout
(joints, bones) and the 1D temporal CNN baseline's."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from mmcv.transforms import Compose

from mmaction_pose.datasets.sequence_pipelines import (gcn_pipeline,
                                                       motion_pipeline)


def sample(rng, num_joints: int = 13, frames: int = 30) -> dict:
    kp = rng.uniform(10, 90, (1, frames, num_joints, 2)).astype(np.float32)
    return dict(keypoint=kp, keypoint_score=np.ones(kp.shape[:3], np.float32),
                total_frames=frames, img_shape=(100, 120), start_index=0,
                label=1)


@pytest.mark.parametrize('feats', ['j', 'b'])
def test_gcn_pipeline_shapes(rng, feats):
    out = Compose(gcn_pipeline(True, feats, 'penn13', num_clips=3))(
        sample(rng))
    assert tuple(out['inputs'].shape) == (3, 1, 100, 13, 3)


def test_gcn_bone_stream_is_joint_minus_parent(rng):
    data = sample(rng)
    joints = Compose(gcn_pipeline(True, 'j', clip_len=8))(copy.deepcopy(data))
    bones = Compose(gcn_pipeline(True, 'b', 'penn13', clip_len=8))(data)
    j, b = joints['inputs'].numpy(), bones['inputs'].numpy()
    # Penn-13's left elbow (3) hangs from the left shoulder (1).
    np.testing.assert_allclose(b[..., 3, :2], j[..., 3, :2] - j[..., 1, :2],
                               atol=1e-6)
    np.testing.assert_allclose(b[..., 2], j[..., 2])  # mean of equal scores


def test_gcn_pipeline_pads_persons(rng):
    out = Compose(gcn_pipeline(False, num_person=2, clip_len=8))(sample(rng))
    assert tuple(out['inputs'].shape) == (1, 2, 8, 13, 3)
    assert (out['inputs'][:, 1] == 0).all()


def test_gcn_pipeline_arguments_are_checked():
    with pytest.raises(ValueError, match='layout'):
        gcn_pipeline(False, 'b')
    with pytest.raises(ValueError, match='feats'):
        gcn_pipeline(False, 'jm')


def test_motion_pipeline_shapes(rng):
    out = Compose(motion_pipeline(True, clip_len=8, num_clips=2))(
        sample(rng, num_joints=20))
    assert tuple(out['inputs'].shape) == (2, 1, 8, 20, 4)
    train = Compose(motion_pipeline(False, clip_len=8))(
        sample(rng, num_joints=20))
    assert tuple(train['inputs'].shape) == (1, 1, 8, 20, 4)
