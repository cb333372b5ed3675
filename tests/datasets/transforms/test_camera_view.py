# Copyright (c) mmaction-pose. All rights reserved.
"""RandomCameraView: projection formula, rotation geometry, missing joints,
scores, the 2D-only no-op, errors, its place in the recipe."""
import numpy as np
import pytest

from mmaction_pose.datasets.converters.nucla import (KINECT_V1_INTRINSICS,
                                                     project_kinect_v1)
from mmaction_pose.datasets.posec3d_recipe import posec3d_pipelines
from mmaction_pose.datasets.transforms import RandomCameraView
from mmaction_pose.datasets.transforms.functional.camera_view import (
    project_pinhole, reproject_view, rotate_skeleton, view_rotation_matrix)

K = dict(KINECT_V1_INTRINSICS)


def _skeleton(seed=0, m=1, t=6, v=20):
    rng = np.random.default_rng(seed)
    xyz = rng.uniform(-0.5, 0.5, (m, t, v, 3))
    xyz[..., 2] += 3.  # 3 m in front of the camera
    return xyz.astype(np.float32)


def test_projection_formula_and_kinect_wrapper():
    xyz = np.array([[0.1, 0.2, 2.], [0., 0., -1.], [np.nan, 0., 1.]])
    uv, valid = project_pinhole(xyz, fx=500., fy=400., cx=10., cy=20.)
    np.testing.assert_allclose(uv[0], [500 * 0.05 + 10, -400 * 0.1 + 20])
    assert valid.tolist() == [True, False, False]
    assert (uv[1:] == 0).all()
    uv_k, valid_k = project_kinect_v1(xyz)
    np.testing.assert_array_equal(uv_k, project_pinhole(xyz, **K)[0])
    np.testing.assert_array_equal(valid_k, valid)


def test_rotation_matrix_axes():
    r = view_rotation_matrix(yaw=90.)
    np.testing.assert_allclose(r @ [1., 0., 0.], [0., 0., -1.], atol=1e-12)
    np.testing.assert_allclose(r @ [0., 1., 0.], [0., 1., 0.], atol=1e-12)
    r = view_rotation_matrix(pitch=90.)
    np.testing.assert_allclose(r @ [0., 1., 0.], [0., 0., 1.], atol=1e-12)
    r = view_rotation_matrix(yaw=33., pitch=-12.)
    np.testing.assert_allclose(r @ r.T, np.eye(3), atol=1e-12)


def test_rotation_keeps_centre_bones_and_missing_joints():
    xyz = _skeleton().astype(np.float64)
    xyz[0, 2, 5] = 0.  # a missing joint
    out = rotate_skeleton(xyz, view_rotation_matrix(yaw=40., pitch=10.))
    valid = (xyz != 0).any(-1)
    np.testing.assert_allclose(out[valid].mean(0), xyz[valid].mean(0),
                               atol=1e-9)
    bone = np.linalg.norm(xyz[0, :, 1] - xyz[0, :, 0], axis=-1)
    np.testing.assert_allclose(
        np.linalg.norm(out[0, :, 1] - out[0, :, 0], axis=-1), bone)
    assert (out[0, 2, 5] == 0).all()
    # yaw turns about the vertical axis: heights are unchanged
    flat = rotate_skeleton(xyz, view_rotation_matrix(yaw=70.))
    np.testing.assert_allclose(flat[..., 1], xyz[..., 1])


def test_reproject_zero_yaw_is_the_original_projection():
    xyz = _skeleton()
    uv, valid = reproject_view(xyz, 0., 0., K)
    np.testing.assert_allclose(uv, project_pinhole(xyz, **K)[0], atol=1e-4)
    assert valid.all()


def test_transform_replaces_keypoints_and_zeroes_lost_scores():
    xyz = _skeleton()
    xyz[0, 0, 3] = np.nan  # missing in 3D
    kp, _ = project_pinhole(xyz, **K)
    score = np.ones(kp.shape[:-1], np.float32)
    np.random.seed(0)
    t = RandomCameraView(yaw=(30., 30.), pitch=0., intrinsics=K)
    out = t(dict(keypoint=kp.copy(), keypoint_score=score.copy(),
                 keypoint_3d=xyz))
    want, valid = reproject_view(xyz, 30., 0., K)
    np.testing.assert_allclose(out['keypoint'], want)
    assert out['camera_view'] == (30., 0.)
    assert out['keypoint'].dtype == kp.dtype
    assert out['keypoint_score'][0, 0, 3] == 0
    np.testing.assert_array_equal(out['keypoint_score'] > 0, valid)
    assert not np.allclose(out['keypoint'][0, 1:], kp[0, 1:])


def test_transform_draws_within_range_and_reads_sample_intrinsics():
    xyz = _skeleton()
    kp, _ = project_pinhole(xyz, **K)
    t = RandomCameraView(yaw=(10., 20.), pitch=5.)
    np.random.seed(1)
    for _ in range(20):
        out = t(dict(keypoint=kp.copy(), keypoint_3d=xyz,
                     camera_intrinsics=K))
        yaw, pitch = out['camera_view']
        assert 10 <= yaw <= 20 and -5 <= pitch <= 5


def test_transform_without_3d_is_a_no_op():
    kp = np.ones((1, 4, 17, 2), np.float32)
    out = RandomCameraView()(dict(keypoint=kp))
    assert out['keypoint'] is kp and 'camera_view' not in out
    kp3 = _skeleton()
    assert RandomCameraView(p=0.)(dict(keypoint=kp, keypoint_3d=kp3))[
        'keypoint'] is kp


def test_errors_name_the_sample_and_field():
    xyz = _skeleton()
    kp, _ = project_pinhole(xyz, **K)
    with pytest.raises(ValueError, match="'clip7'.*camera_intrinsics"):
        RandomCameraView()(dict(keypoint=kp, keypoint_3d=xyz,
                                frame_dir='clip7'))
    with pytest.raises(ValueError, match="'clip7'.*camera_intrinsics"):
        RandomCameraView()(dict(keypoint=kp, keypoint_3d=xyz,
                                frame_dir='clip7',
                                camera_intrinsics=dict(fx=1.)))
    with pytest.raises(ValueError, match="'clip7'.*does not match"):
        RandomCameraView(intrinsics=K)(dict(
            keypoint=kp[:, :3], keypoint_3d=xyz, frame_dir='clip7'))
    with pytest.raises(ValueError, match='yaw'):
        RandomCameraView(yaw=(10, 5))
    with pytest.raises(ValueError, match='p must'):
        RandomCameraView(p=2.)
    with pytest.raises(ValueError, match='intrinsics'):
        RandomCameraView(intrinsics=dict(fx=1., fy=1.))


def test_repr_and_recipe_puts_it_first():
    assert repr(RandomCameraView(yaw=30)) == (
        'RandomCameraView(yaw=(-30.0, 30.0), pitch=(0.0, 0.0), '
        'intrinsics=None, p=1.0)')
    pipes = posec3d_pipelines('kinect20', camera_view=dict(yaw=60.))
    assert pipes['train_pipeline'][0] == dict(type='RandomCameraView',
                                              yaw=60.)
    for key in ('val_pipeline', 'test_pipeline'):
        assert all(s['type'] != 'RandomCameraView' for s in pipes[key])
    assert all(s['type'] != 'RandomCameraView'
               for s in posec3d_pipelines('kinect20')['train_pipeline'])
