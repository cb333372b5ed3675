# Copyright (c) mmaction-pose. All rights reserved.
"""Procedural human motions: one function per action class.

Each motion function takes the rest pose, a phase signal and a random
generator and returns a :class:`~.kinematics.Motion`. Speed, amplitude,
phase, handedness and direction are random per sample, so that raw joint
coordinates are far from linearly separable while the motion patterns stay
recognisable.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from .kinematics import ANGLE_KEYS, Motion

MotionFn = Callable[[np.ndarray, np.ndarray, np.random.Generator], Motion]


def _smooth_noise(T: int, amp: float, rng: np.random.Generator) -> np.ndarray:
    """Low-frequency noise ``(T,)`` (sum of two random sinusoids)."""
    t = np.arange(T)
    out = np.zeros(T)
    for _ in range(2):
        period = rng.uniform(25, 90)
        out += np.sin(2 * np.pi * t / period + rng.uniform(0, 2 * np.pi))
    return amp * out / 2


def rest_pose(T: int, rng: np.random.Generator,
              sway: float = 0.05) -> dict[str, np.ndarray]:
    """Standing with arms down, plus idle sway on every angle."""
    base = dict.fromkeys(ANGLE_KEYS, 0.)
    arm = rng.uniform(0.08, 0.25)
    base.update(l_uarm_abd=arm, r_uarm_abd=arm, l_farm_abd=arm,
                r_farm_abd=arm, l_farm_flex=0.15, r_farm_flex=0.15,
                l_thigh_abd=0.04, r_thigh_abd=0.04, l_shin_abd=0.03,
                r_shin_abd=0.03)
    return {k: v + _smooth_noise(T, sway, rng) for k, v in base.items()}


def _mix(rest: np.ndarray, act: np.ndarray, w: np.ndarray) -> np.ndarray:
    return rest + w * (act - rest)


def _sides(rng: np.random.Generator) -> tuple[str, str]:
    return ('l', 'r') if rng.random() < 0.5 else ('r', 'l')


def wave(psi, w, rng):
    """One raised hand waving side to side above the shoulder."""
    T = len(psi)
    a = rest_pose(T, rng)
    s, _ = _sides(rng)
    amp = rng.uniform(0.35, 0.7)
    up = rng.uniform(2.2, 2.7)
    a[f'{s}_uarm_abd'] = _mix(a[f'{s}_uarm_abd'], up + 0 * psi, w)
    a[f'{s}_uarm_flex'] = _mix(a[f'{s}_uarm_flex'], 0.25 + 0 * psi, w)
    a[f'{s}_farm_abd'] = _mix(a[f'{s}_farm_abd'],
                              up + 0.35 + amp * np.sin(psi), w)
    a[f'{s}_farm_flex'] = _mix(a[f'{s}_farm_flex'], 0.3 + 0 * psi, w)
    return Motion(a, np.zeros(T), np.zeros((T, 2)))


def jumping_jack(psi, w, rng):
    """Arms and legs spread and close in sync, with a small hop."""
    T = len(psi)
    a = rest_pose(T, rng)
    s = w * (1 - np.cos(psi)) / 2
    top = rng.uniform(2.4, 2.9)
    for p in 'lr':
        a[f'{p}_uarm_abd'] = a[f'{p}_uarm_abd'] + s * top
        a[f'{p}_farm_abd'] = a[f'{p}_farm_abd'] + s * (top + 0.15)
        a[f'{p}_thigh_abd'] = a[f'{p}_thigh_abd'] + s * 0.35
        a[f'{p}_shin_abd'] = a[f'{p}_shin_abd'] + s * 0.35
    lift = w * rng.uniform(0.03, 0.08) * np.abs(np.sin(psi))
    return Motion(a, lift, np.zeros((T, 2)))


def squat(psi, w, rng):
    """Hips and knees bend, arms come forward for balance."""
    T = len(psi)
    a = rest_pose(T, rng)
    s = w * (1 - np.cos(psi)) / 2
    depth = rng.uniform(1.2, 1.7)
    arms = rng.uniform(1.1, 1.6)
    for p in 'lr':
        a[f'{p}_thigh_flex'] = a[f'{p}_thigh_flex'] + s * depth
        a[f'{p}_shin_flex'] = a[f'{p}_shin_flex'] - s * 0.35 * depth
        a[f'{p}_uarm_flex'] = a[f'{p}_uarm_flex'] + s * arms
        a[f'{p}_farm_flex'] = a[f'{p}_farm_flex'] + s * (arms + 0.1)
    a['torso_pitch'] = a['torso_pitch'] + s * 0.35 * depth
    return Motion(a, np.zeros(T), np.zeros((T, 2)))


def walk(psi, w, rng):
    """Alternating leg swing with counter-swinging arms, moving forward."""
    T = len(psi)
    a = rest_pose(T, rng)
    stride = rng.uniform(0.3, 0.5)
    for p, sgn in (('l', 1.), ('r', -1.)):
        swing = sgn * np.sin(psi)
        a[f'{p}_thigh_flex'] = a[f'{p}_thigh_flex'] + w * stride * swing
        knee = 0.6 * np.clip(sgn * np.cos(psi), 0, None)
        a[f'{p}_shin_flex'] = a[f'{p}_shin_flex'] + w * (stride * swing
                                                         - knee)
        a[f'{p}_uarm_flex'] = a[f'{p}_uarm_flex'] - w * 0.6 * stride * swing
        a[f'{p}_farm_flex'] = a[f'{p}_farm_flex'] + w * (
            0.2 - 0.6 * stride * swing)
    # Forward progress proportional to the phase advance.
    dpsi = np.diff(psi, prepend=psi[0])
    speed = stride * 0.35 / np.pi
    root = np.zeros((T, 2))
    root[:, 1] = np.cumsum(w * np.abs(dpsi) * speed)
    return Motion(a, np.zeros(T), root)


def punch(psi, w, rng):
    """Boxing guard with alternating straight punches."""
    T = len(psi)
    a = rest_pose(T, rng)
    first, second = _sides(rng)
    for p, e in ((first, np.clip(np.sin(psi), 0, None)**2),
                 (second, np.clip(-np.sin(psi), 0, None)**2)):
        guard_u, guard_f = 0.45, 2.3
        a[f'{p}_uarm_abd'] = _mix(a[f'{p}_uarm_abd'], 0.3 - 0.15 * e, w)
        a[f'{p}_uarm_flex'] = _mix(a[f'{p}_uarm_flex'],
                                   guard_u + (1.45 - guard_u) * e, w)
        a[f'{p}_farm_abd'] = _mix(a[f'{p}_farm_abd'], 0.2 - 0.05 * e, w)
        a[f'{p}_farm_flex'] = _mix(a[f'{p}_farm_flex'],
                                   guard_f + (1.5 - guard_f) * e, w)
    a['torso_roll'] = a['torso_roll'] + w * 0.08 * np.sin(psi)
    return Motion(a, np.zeros(T), np.zeros((T, 2)))


def bow(psi, w, rng):
    """Bend the upper body forward and straighten up, arms hanging."""
    T = len(psi)
    a = rest_pose(T, rng)
    s = w * (1 - np.cos(psi)) / 2
    pitch = s * rng.uniform(0.8, 1.3)
    a['torso_pitch'] = a['torso_pitch'] + pitch
    for p in 'lr':
        # Arms hang under gravity: undo the torso pitch in the torso frame.
        a[f'{p}_uarm_flex'] = a[f'{p}_uarm_flex'] - pitch
        a[f'{p}_farm_flex'] = a[f'{p}_farm_flex'] - pitch
        a[f'{p}_thigh_flex'] = a[f'{p}_thigh_flex'] - 0.15 * pitch
        a[f'{p}_shin_flex'] = a[f'{p}_shin_flex'] - 0.15 * pitch
    return Motion(a, np.zeros(T), np.zeros((T, 2)))


def arm_circle(psi, w, rng):
    """Both straight arms held out sideways, drawing circles."""
    T = len(psi)
    a = rest_pose(T, rng)
    r = rng.uniform(0.3, 0.6)
    d = 1. if rng.random() < 0.5 else -1.
    for p in 'lr':
        abd = 1.5 + r * np.cos(psi)
        flex = d * r * np.sin(psi)
        a[f'{p}_uarm_abd'] = _mix(a[f'{p}_uarm_abd'], abd, w)
        a[f'{p}_farm_abd'] = _mix(a[f'{p}_farm_abd'], abd + 0.05, w)
        a[f'{p}_uarm_flex'] = _mix(a[f'{p}_uarm_flex'], flex, w)
        a[f'{p}_farm_flex'] = _mix(a[f'{p}_farm_flex'], flex, w)
    return Motion(a, np.zeros(T), np.zeros((T, 2)))


def kick(psi, w, rng):
    """Front-side kicks with one leg: chamber the knee, extend, retract.

    The kick goes diagonally forward and outward, so that it stays visible
    from the front, where a purely forward kick is foreshortened away.
    """
    T = len(psi)
    a = rest_pose(T, rng)
    s, _ = _sides(rng)
    e = w * np.clip(np.sin(psi), 0, None)**1.5
    height = rng.uniform(1.2, 1.6)
    out = rng.uniform(0.5, 0.9)
    a[f'{s}_thigh_flex'] = a[f'{s}_thigh_flex'] + height * e
    a[f'{s}_thigh_abd'] = a[f'{s}_thigh_abd'] + out * e
    a[f'{s}_shin_abd'] = a[f'{s}_shin_abd'] + out * e
    a[f'{s}_shin_flex'] = a[f'{s}_shin_flex'] + height * e - 3.2 * e * (
        1 - e)
    for p in 'lr':
        a[f'{p}_uarm_abd'] = a[f'{p}_uarm_abd'] + 0.7 * e
        a[f'{p}_farm_abd'] = a[f'{p}_farm_abd'] + 0.8 * e
    a['torso_pitch'] = a['torso_pitch'] - 0.2 * e
    a['torso_roll'] = a['torso_roll'] + (0.15 if s == 'l' else -0.15) * e
    return Motion(a, np.zeros(T), np.zeros((T, 2)))


def idle(psi, w, rng):
    """Standing around (used for bystanders, not a class)."""
    T = len(psi)
    return Motion(rest_pose(T, rng, sway=0.08), np.zeros(T), np.zeros(
        (T, 2)))


# Class id order of the synthetic dataset: (name, motion, period range).
ACTIONS: tuple[tuple[str, MotionFn, tuple[float, float]], ...] = (
    ('wave', wave, (10, 24)),
    ('jumping_jack', jumping_jack, (14, 30)),
    ('squat', squat, (24, 50)),
    ('walk', walk, (18, 36)),
    ('punch', punch, (12, 26)),
    ('bow', bow, (30, 60)),
    ('arm_circle', arm_circle, (14, 32)),
    ('kick', kick, (18, 36)),
)
CLASSES: tuple[str, ...] = tuple(name for name, _, _ in ACTIONS)
