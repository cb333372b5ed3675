# Copyright (c) mmaction-pose. All rights reserved.
"""A 3D stick figure: joint angles → COCO-17 joints → 2D image keypoints.

Body frame: ``x`` = the person's left, ``y`` = up, ``z`` = forward (the way
the person faces). A camera in front of the person (yaw 0) sees the person's
left on the image's right, as in real footage. Lengths are fractions of the
body height.

A limb direction is given by two angles: *abduction* ``a`` (0 = hanging
down, π/2 = horizontal sideways, π = straight up) and *flexion* ``f``
(rotation towards the front), i.e. ``d = Rx(-f) · Rz(±a) · (0, -1, 0)``.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Segment lengths as a fraction of body height (anthropometric averages).
SEGMENTS = dict(
    torso=0.30, neck_head=0.10, shoulder=0.11, hip=0.08, upper_arm=0.17,
    forearm=0.15, thigh=0.245, shin=0.245)

# Joint angle channels of one pose, each a (T,) array in radians.
ANGLE_KEYS = ('l_uarm_abd', 'l_uarm_flex', 'l_farm_abd', 'l_farm_flex',
              'r_uarm_abd', 'r_uarm_flex', 'r_farm_abd', 'r_farm_flex',
              'l_thigh_abd', 'l_thigh_flex', 'l_shin_abd', 'l_shin_flex',
              'r_thigh_abd', 'r_thigh_flex', 'r_shin_abd', 'r_shin_flex',
              'torso_pitch', 'torso_roll')


@dataclass
class Motion:
    """Joint angles and root motion of one person over ``T`` frames.

    Attributes:
        angles: ``ANGLE_KEYS`` → ``(T,)`` radians.
        lift: ``(T,)`` extra height of the feet above the ground (jumps).
        root: ``(T, 2)`` root displacement on the ground plane ``(x, z)``
            in the body frame, in body heights.
    """

    angles: dict[str, np.ndarray]
    lift: np.ndarray
    root: np.ndarray


def limb_direction(abd: np.ndarray, flex: np.ndarray,
                   side: float) -> np.ndarray:
    """Unit vectors ``(T, 3)``; ``side`` is +1 (left) or -1 (right)."""
    th = side * abd
    x, y = np.sin(th), -np.cos(th)
    # Rotate (x, y, 0) about the x axis by -flex.
    return np.stack([x, y * np.cos(flex), -y * np.sin(flex)], axis=-1)


def _rot_x(v: np.ndarray, phi: np.ndarray) -> np.ndarray:
    c, s = np.cos(phi)[:, None], np.sin(phi)[:, None]
    return np.stack([v[:, 0], v[:, 1] * c[:, 0] - v[:, 2] * s[:, 0],
                     v[:, 1] * s[:, 0] + v[:, 2] * c[:, 0]], axis=-1)


def _rot_z(v: np.ndarray, phi: np.ndarray) -> np.ndarray:
    c, s = np.cos(phi), np.sin(phi)
    return np.stack([v[:, 0] * c - v[:, 1] * s, v[:, 0] * s + v[:, 1] * c,
                     v[:, 2]], axis=-1)


def forward_kinematics(motion: Motion,
                       proportions: dict[str, float] | None = None
                       ) -> np.ndarray:
    """Compute COCO-17 joint positions ``(T, 17, 3)`` in the body frame.

    The lower foot touches the ground (``y = 0``) unless ``motion.lift``
    raises it; the root displacement is added last.
    """
    seg = dict(SEGMENTS, **(proportions or {}))
    a = motion.angles
    T = len(motion.lift)
    zeros = np.zeros((T, 3))
    pelvis = zeros.copy()
    out = np.zeros((T, 17, 3))

    # Legs hang from the pelvis (not rotated with the torso).
    for side, pre, hip_i, knee_i, ank_i in ((1., 'l', 11, 13, 15),
                                            (-1., 'r', 12, 14, 16)):
        hip = pelvis + np.array([side * seg['hip'], 0., 0.])
        knee = hip + seg['thigh'] * limb_direction(
            a[f'{pre}_thigh_abd'], a[f'{pre}_thigh_flex'], side)
        ank = knee + seg['shin'] * limb_direction(
            a[f'{pre}_shin_abd'], a[f'{pre}_shin_flex'], side)
        out[:, hip_i], out[:, knee_i], out[:, ank_i] = hip, knee, ank

    # Upper body in the torso frame, then pitched/rolled about the pelvis.
    up = np.tile([0., 1., 0.], (T, 1))
    neck = up * seg['torso']
    upper = {}
    upper[0] = neck + np.array([0., seg['neck_head'], 0.03])
    upper[1] = upper[0] + np.array([0.025, 0.02, -0.01])
    upper[2] = upper[0] + np.array([-0.025, 0.02, -0.01])
    upper[3] = neck + np.array([0.05, 0.09, -0.04])
    upper[4] = neck + np.array([-0.05, 0.09, -0.04])
    for side, pre, sho_i, elb_i, wri_i in ((1., 'l', 5, 7, 9),
                                           (-1., 'r', 6, 8, 10)):
        sho = neck + np.array([side * seg['shoulder'], -0.02, 0.])
        elb = sho + seg['upper_arm'] * limb_direction(
            a[f'{pre}_uarm_abd'], a[f'{pre}_uarm_flex'], side)
        wri = elb + seg['forearm'] * limb_direction(
            a[f'{pre}_farm_abd'], a[f'{pre}_farm_flex'], side)
        upper[sho_i], upper[elb_i], upper[wri_i] = sho, elb, wri
    for i, p in upper.items():
        p = _rot_z(np.broadcast_to(p, (T, 3)).copy(), a['torso_roll'])
        out[:, i] = _rot_x(p, a['torso_pitch'])

    # Stand on the ground: the lowest ankle at y = 0 (+ jump lift).
    ground = out[:, 15:17, 1].min(axis=1) - 0.02
    out[..., 1] -= (ground - motion.lift)[:, None]
    out[..., 0] += motion.root[:, None, 0]
    out[..., 2] += motion.root[:, None, 1]
    return out


def project(joints: np.ndarray, yaw: float, pitch: float, roll: float,
            scale: float, center: tuple[float, float]) -> np.ndarray:
    """Project body-frame joints ``(..., 3)`` to image pixels ``(..., 2)``.

    A weak-perspective camera: rotate by ``yaw`` (about the vertical axis),
    ``pitch`` (camera elevation) and ``roll`` (in-plane), then
    ``u = cx + s·x``, ``v = cy - s·y`` with ``center`` at the body origin.
    """
    x, y, z = joints[..., 0], joints[..., 1], joints[..., 2]
    cy_, sy_ = np.cos(yaw), np.sin(yaw)
    x, z = cy_ * x + sy_ * z, -sy_ * x + cy_ * z
    cp, sp = np.cos(pitch), np.sin(pitch)
    y, z = cp * y - sp * z, sp * y + cp * z
    # Mild perspective: nearer joints (larger z) look bigger.
    s = scale * (1. + 0.08 * z)
    u, v = s * x, -s * y
    cr, sr = np.cos(roll), np.sin(roll)
    u, v = cr * u - sr * v, sr * u + cr * v
    return np.stack([center[0] + u, center[1] + v], axis=-1)
