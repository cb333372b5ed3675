# Copyright (c) mmaction-pose. All rights reserved.
"""Shared fixtures: registration, default scope, seeds, tiny generated data."""
from __future__ import annotations

import os
import pickle
from pathlib import Path

import numpy as np
import pytest
import torch

import mmaction_pose  # noqa: F401  (compatibility shims first)

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / 'shared' / 'data'


def pytest_configure(config):
    config.addinivalue_line('markers', 'slow: long-running test')
    config.addinivalue_line('markers', 'gpu: needs a CUDA device')
    torch.set_num_threads(2)
    from mmaction_pose.utils import register_all_modules
    register_all_modules(init_default_scope=False)


@pytest.fixture(autouse=True)
def _scope_and_seed():
    from mmengine.registry import DefaultScope
    torch.manual_seed(0)
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        yield


@pytest.fixture
def rng():
    return np.random.default_rng(0)


@pytest.fixture
def coco_pose(rng):
    """Two people, 8 frames, COCO-17 joints inside a 32x32 image."""
    kp = rng.uniform(4, 28, size=(2, 8, 17, 2)).astype(np.float32)
    return dict(keypoint=kp, keypoint_score=np.ones((2, 8, 17), np.float32),
                img_shape=(32, 32), total_frames=8, start_index=0)


def write_synthetic(path: Path, train_per_class: int = 4,
                    test_per_class: int = 2, seed: int = 0) -> Path:
    from mmaction_pose.datasets.synthetic import (SyntheticConfig,
                                                  generate_dataset)
    data = generate_dataset(
        seed, SyntheticConfig(train_per_class=train_per_class,
                              test_per_class=test_per_class, max_frames=60))
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, 'wb') as f:
        pickle.dump(data, f)
    return path


@pytest.fixture(scope='session')
def synthetic_pkl(tmp_path_factory) -> Path:
    """A tiny synthetic PoseDataset pickle (8 classes x (4 train, 2 test))."""
    return write_synthetic(
        tmp_path_factory.mktemp('synthetic') / 'synthetic_coco17.pkl')


RENDERED_PENN_SUBSET = 200
"""Test clips in :func:`rendered_penn_test_subset` (the first of the split)."""


@pytest.fixture(scope='session')
def rendered_penn_test_subset(tmp_path_factory) -> Path:
    """The first ``RENDERED_PENN_SUBSET`` clips of Penn Action's test split,
    rendered as ``make penn-rgb-data`` does (128 px) from the real labels in
    ../shared/data; the folder holds the videos and ``annotations.pkl``.
    Shared by the re-evaluation tests of the shipped RGB models (rendered
    once per session). Skips without the data."""
    import subprocess
    import sys
    labels = SHARED_DATA / 'penn_action' / 'labels'
    if not labels.is_dir():
        pytest.skip('../shared/data not available')
    tmp = tmp_path_factory.mktemp('rendered_penn')
    ann = tmp / 'penn' / 'penn_action.pkl'
    env = dict(os.environ, OMP_NUM_THREADS='2')
    for args in (['tools/data/penn_action/convert.py', '--labels',
                  str(labels), '--out', str(ann), '--no-progress'],
                 ['tools/data/render_pose_videos.py', str(ann),
                  str(tmp / 'rendered'), '--size', '128', '--layout',
                  'penn13', '--split', 'test', '--max-samples',
                  str(RENDERED_PENN_SUBSET), '--workers', '2']):
        res = subprocess.run([sys.executable, *args], cwd=ROOT, env=env,
                             capture_output=True, text=True, timeout=900)
        assert res.returncode == 0, res.stderr[-3000:]
    return tmp / 'rendered'


# ---- pose backends, demos and data tools (issue #7) -----------------------
# ``FakePoseBackend`` is importable as ``conftest:FakePoseBackend`` (the
# tools' ``--pose-backend module:Class``) because pytest puts tests/ on
# sys.path.
from mmaction_pose.apis.pose_backends import (  # noqa: E402
    FramePoses, PoseBackend, boxes_from_keypoints)


def check_shipped_penn_checkpoint(ckpt: Path, config: Path, readme: Path,
                                  logs: list[Path]) -> None:
    """A model committed beside its README (rendered Penn Action): at most
    10 MB, weights only, named in the README, the Penn label map next to
    it, its ``_config.py`` equal to the leaf config, its logs present."""
    import torch
    from mmengine.config import Config

    from mmaction_pose.datasets.converters.penn_action import \
        PENN_ACTION_CLASSES
    assert ckpt.stat().st_size <= 10 * 2**20
    state = torch.load(str(ckpt), map_location='cpu', weights_only=True)
    assert set(state) == {'state_dict', 'meta'}
    assert ckpt.name in readme.read_text()
    assert (ckpt.parent / 'label_map.txt').read_text().split() == list(
        PENN_ACTION_CLASSES)
    shipped_cfg = Config.fromfile(str(ckpt).replace('.pth', '_config.py'))
    leaf = Config.fromfile(str(config))
    for key in ('model', 'train_pipeline', 'test_pipeline', 'optim_wrapper',
                'param_scheduler', 'train_cfg'):
        assert shipped_cfg[key] == leaf[key], key
    for log in logs:
        assert log.is_file(), log


def run_test_on_rendered_subset(config: Path, ckpt: Path, videos: Path,
                                work_dir: Path, *extra: str) -> str:
    """``tools/test.py`` of ``ckpt`` on the rendered subset ``videos``;
    returns its log text."""
    import os
    import subprocess
    import sys
    opts = [f'test_dataloader.dataset.{k}' for k in (
        f"ann_file={videos / 'annotations.pkl'}",
        f'data_prefix.video={videos}')]
    env = dict(os.environ, OMP_NUM_THREADS='2', OMP_WAIT_POLICY='PASSIVE')
    res = subprocess.run(
        [sys.executable, 'tools/test.py', str(config), str(ckpt),
         '--work-dir', str(work_dir), *extra, '--cfg-options', *opts],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    assert res.returncode == 0, res.stderr[-3000:]
    return res.stdout + res.stderr


def load_script(rel: str):
    """Import a script of the repository (``demo/…``, ``tools/…``)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location(
        'script_' + rel.replace('/', '_')[:-3], ROOT / rel)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_video(path: Path, num_frames: int = 12, size: tuple = (96, 64),
                dark_frames: tuple = (), fps: float = 10.0) -> Path:
    """A tiny mp4 of noise; ``dark_frames`` are black (no person)."""
    import cv2
    path.parent.mkdir(parents=True, exist_ok=True)
    w, h = size
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*'mp4v'),
                             fps, (w, h))
    gen = np.random.default_rng(0)
    for t in range(num_frames):
        frame = gen.integers(100, 255, (h, w, 3), dtype=np.uint8)
        if t in dark_frames:
            frame[:] = 0
        writer.write(frame)
    writer.release()
    return path


def write_rendered_penn(root: Path, num_clips: int = 4, frames: int = 20,
                        size: int = 112) -> Path:
    """A tiny Penn-13 dataset rendered by tools/data/render_pose_videos.py
    (half train, half test; labels alternate 0/1): returns the folder with
    the mp4s and ``annotations.pkl``."""
    rng = np.random.default_rng(0)
    annos = []
    for i in range(num_clips):
        centre = rng.uniform(120, 180, 2)
        kp = centre + rng.normal(0, 40, (1, frames, 13, 2))
        annos.append(dict(frame_dir=f'{i + 1:04d}', label=i % 2,
                          total_frames=frames, img_shape=(300, 300),
                          original_shape=(300, 300),
                          keypoint=kp.astype(np.float32),
                          keypoint_score=np.ones((1, frames, 13),
                                                 np.float32)))
    names = [a['frame_dir'] for a in annos]
    root.mkdir(parents=True, exist_ok=True)
    src = root / 'penn_action.pkl'
    with open(src, 'wb') as f:
        pickle.dump(dict(split=dict(train=names[:num_clips // 2],
                                    test=names[num_clips // 2:]),
                         annotations=annos), f)
    out = root / 'videos'
    render = load_script('tools/data/render_pose_videos.py')
    assert render.main([str(src), str(out), '--size', str(size),
                        '--layout', 'penn13']) == 0
    return out


class FakePoseBackend(PoseBackend):
    """Deterministic stand-in for a pose backend: ``max_people`` people
    walking right, nobody in dark frames (mean < 20)."""

    name = 'fake'

    def __init__(self, max_people: int = 2, **_) -> None:
        self.max_people = max_people
        self.t = 0

    def __call__(self, frame: np.ndarray) -> FramePoses:
        t, self.t = self.t, self.t + 1
        if frame.mean() < 20:
            return FramePoses()
        h, w = frame.shape[:2]
        base = np.random.default_rng(1).uniform(-.15, .15, (17, 2))
        kps = np.array([[(0.25 + 0.5 * m) * w + t, 0.5 * h] + base * [w, h]
                        for m in range(self.max_people)], np.float32)
        scores = np.full(kps.shape[:2], 0.9, np.float32)
        return FramePoses(boxes_from_keypoints(kps, scores), kps, scores)

    def reset(self) -> None:
        self.t = 0


def _ntu_body_lines(body_id: str, x: float, state: int = 2) -> list[str]:
    lines = [f'{body_id} 0 1 1 1 1 0 0.1 0.2 2', '25']
    for j in range(25):
        # x y z depthX depthY colorX colorY oW oX oY oZ state
        lines.append(f'{x} {j * .1} 3.0 250 {200 + j} {x * 100 + j} '
                     f'{500 + j} 1 0 0 0 {state}')
    return lines


def write_ntu_skeleton(path: Path, frames: list[list[tuple]]) -> Path:
    """An NTU ``.skeleton`` file; ``frames``: per frame, a list of
    ``(body_id, x[, state])`` (every joint of a body at colour x = 100 x)."""
    lines = [str(len(frames))]
    for bodies in frames:
        lines.append(str(len(bodies)))
        for body in bodies:
            lines += _ntu_body_lines(*body)
    path.write_text('\n'.join(lines) + '\n')
    return path


@pytest.fixture
def tiny_video(tmp_path) -> Path:
    """12 frames of 96x64 noise; frame 5 is black (nobody in it)."""
    return write_video(tmp_path / 'tiny.mp4', dark_frames=(5, ))


@pytest.fixture(scope='session')
def skeleton_model(tmp_path_factory) -> tuple[str, str]:
    """The quickstart PoseC3D config and a random-weight checkpoint of it
    (``torch.save(model.state_dict())``)."""
    from mmaction_pose.apis.inference import SkeletonRecognizer
    config = str(ROOT / 'configs' / 'posec3d' / 'synthetic_keypoint.py')
    recognizer = SkeletonRecognizer(config, None)
    ckpt = tmp_path_factory.mktemp('skeleton_model') / 'random.pth'
    torch.save(recognizer.model.state_dict(), ckpt)
    return config, str(ckpt)
