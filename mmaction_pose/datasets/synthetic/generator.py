# Copyright (c) mmaction-pose. All rights reserved.
"""Synthetic skeleton action dataset in mmaction2's PoseDataset format.

The embedded default dataset of the quickstart: procedurally generated
human motions (:mod:`.motions`) rendered through a random camera
(:mod:`.kinematics`) into COCO-17 keypoints, with random body size and
proportions, position, view, speed, keypoint noise, dropped and low-score
keypoints, and sometimes a second (idle or walking) person.

The output is ``dict(split=dict(train=[...], test=[...]),
annotations=[...])`` where each annotation has ``frame_dir``, ``label``,
``img_shape``, ``original_shape``, ``total_frames``, ``keypoint``
``(M, T, 17, 2)`` float32 and ``keypoint_score`` ``(M, T, 17)`` float32;
missing keypoints are ``(0, 0)`` with score 0, as in mmaction2's pickles.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .kinematics import forward_kinematics, project
from .motions import ACTIONS, CLASSES, idle, walk

IMAGE_SHAPES = ((480, 640), (720, 1280), (1080, 1920), (360, 480),
                (480, 480))


@dataclass(frozen=True)
class SyntheticConfig:
    """Knobs of the generator (defaults are the quickstart dataset)."""

    train_per_class: int = 120
    test_per_class: int = 40
    min_frames: int = 40
    max_frames: int = 110
    kp_noise: float = 0.012  # std of keypoint noise, in body heights
    p_drop: float = 0.04  # missing keypoint (zeros, score 0)
    p_low: float = 0.06  # low-confidence, extra-noisy keypoint
    p_frame_drop: float = 0.02  # whole person missing in a frame
    p_second_person: float = 0.3
    p_rest: float = 0.35  # motion starts late / ends early


def _phase(T: int, period_range: tuple[float, float],
           rng: np.random.Generator) -> np.ndarray:
    """Phase ``(T,)`` with random period, start and slight tempo drift."""
    period = rng.uniform(*period_range)
    rate = 2 * np.pi / period * (1 + 0.15 * np.sin(
        2 * np.pi * np.arange(T) / rng.uniform(40, 120) + rng.uniform(
            0, 6.3)))
    return rng.uniform(0, 2 * np.pi) + np.cumsum(rate)


def _activity(T: int, p_rest: float, rng: np.random.Generator) -> np.ndarray:
    """Weight ``(T,)`` in [0, 1]: 1 while the action is performed."""
    w = np.ones(T)
    if rng.random() < p_rest:
        t0 = int(rng.uniform(0, 0.25) * T)
        t1 = T - int(rng.uniform(0, 0.25) * T)
        ramp = 6
        t = np.arange(T)
        w = np.clip(np.minimum((t - t0) / ramp, (t1 - t) / ramp), 0, 1)
    return w


def _person(motion_fn, period_range, T: int, height_px: float,
            center: tuple[float, float], view: tuple[float, float, float],
            rng: np.random.Generator, p_rest: float) -> np.ndarray:
    """One person's 2D keypoints ``(T, 17, 2)`` in pixels."""
    psi = _phase(T, period_range, rng)
    w = _activity(T, p_rest, rng)
    motion = motion_fn(psi, w, rng)
    proportions = dict(
        torso=0.30 * rng.uniform(0.9, 1.1),
        shoulder=0.11 * rng.uniform(0.85, 1.2),
        upper_arm=0.17 * rng.uniform(0.9, 1.1),
        thigh=0.245 * rng.uniform(0.92, 1.08))
    joints = forward_kinematics(motion, proportions)
    return project(joints, *view, scale=height_px, center=center)


def generate_sample(label: int, rng: np.random.Generator,
                    cfg: SyntheticConfig = SyntheticConfig()) -> dict:
    """One annotation dict of class ``label`` (see module docstring)."""
    name, motion_fn, period_range = ACTIONS[label]
    T = int(rng.integers(cfg.min_frames, cfg.max_frames + 1))
    h, w = IMAGE_SHAPES[rng.integers(len(IMAGE_SHAPES))]
    height_px = h * rng.uniform(0.35, 0.75)
    view = (rng.uniform(-1.1, 1.1) + (np.pi if rng.random() < 0.1 else 0.),
            rng.uniform(-0.25, 0.25), rng.uniform(-0.08, 0.08))
    if name == 'walk':
        # Walk across the image: face sideways more often than not.
        view = (rng.choice([-1, 1]) * rng.uniform(0.6, 1.5), *view[1:])
    cx = rng.uniform(0.3, 0.7) * w
    feet = rng.uniform(0.8, 0.97) * h
    people = [_person(motion_fn, period_range, T, height_px, (cx, feet),
                      view, rng, cfg.p_rest)]
    if rng.random() < cfg.p_second_person:
        other = walk if rng.random() < 0.4 else idle
        side = 1 if cx < w / 2 else -1
        c2 = (cx + side * rng.uniform(0.25, 0.45) * w,
              feet - rng.uniform(0, 0.15) * h)
        kp2 = _person(other, (30, 50), T, height_px * rng.uniform(0.6, 1.0),
                      c2, (rng.uniform(-1.5, 1.5), view[1], view[2]), rng,
                      0.)
        # The bystander may enter late or leave early.
        absent = np.zeros(T, bool)
        if rng.random() < 0.5:
            cut = int(rng.integers(T // 4, 3 * T // 4))
            absent[:cut] = rng.random() < 0.5
            absent[cut:] = ~absent[0]
        kp2[absent] = np.nan
        people.append(kp2)
    kp = np.stack(people).astype(np.float64)  # (M, T, 17, 2)
    M = kp.shape[0]
    noise = cfg.kp_noise * height_px
    kp += rng.normal(0, noise, kp.shape)
    score = rng.uniform(0.55, 1.0, kp.shape[:3])
    low = rng.random(kp.shape[:3]) < cfg.p_low
    score[low] = rng.uniform(0.05, 0.35, low.sum())
    kp[low] += rng.normal(0, 4 * noise, (low.sum(), 2))
    drop = rng.random(kp.shape[:3]) < cfg.p_drop
    drop |= (rng.random((M, T)) < cfg.p_frame_drop)[..., None]
    drop |= np.isnan(kp).any(-1)
    kp[drop] = 0.
    score[drop] = 0.
    return dict(
        label=int(label),
        img_shape=(int(h), int(w)),
        original_shape=(int(h), int(w)),
        total_frames=T,
        keypoint=kp.astype(np.float32),
        keypoint_score=score.astype(np.float32))


def generate_dataset(seed: int = 0,
                     cfg: SyntheticConfig = SyntheticConfig(),
                     progress: bool = False) -> dict:
    """The whole dataset: ``dict(split=..., annotations=...)``.

    Deterministic for a given ``seed``; class-balanced; ``frame_dir`` is
    ``'{split}_{class}_{i:04d}'``.
    """
    rng = np.random.default_rng(seed)
    annotations: list[dict] = []
    split: dict[str, list[str]] = dict(train=[], test=[])
    jobs = [(s, label, i) for s, n in (('train', cfg.train_per_class),
                                       ('test', cfg.test_per_class))
            for label in range(len(CLASSES)) for i in range(n)]
    it = jobs
    if progress:
        from mmengine.utils import track_iter_progress
        it = track_iter_progress(jobs)
    for s, label, i in it:
        anno = generate_sample(label, rng, cfg)
        anno['frame_dir'] = f'{s}_{CLASSES[label]}_{i:04d}'
        annotations.append(anno)
        split[s].append(anno['frame_dir'])
    return dict(split=split, annotations=annotations)
