# Copyright (c) mmaction-pose. All rights reserved.
"""Benchmark mmaction2's pose transforms against mmaction-pose's, one run.

    OMP_NUM_THREADS=1 python tools/analysis_tools/benchmark_pose_pipeline.py
        [--seconds 3] [--batches 12] [--batch-size 16] [--workers 2]
        [--skip-dataloader]

On the same generated NTU-like samples (COCO-17 skeletons of 2 persons,
no data files needed), times

  (a) GeneratePoseTarget, joints: train sample, T=48, 56x56
  (b) GeneratePoseTarget, limbs: same samples
  (c) GeneratePoseTarget, joints, 10-clip test sample (T=480, 64x64) with
      flip doubling (``double=True``)
  (d) the NTU-60 keypoint train pipeline through a DataLoader (``--workers``
      workers, batch ``--batch-size``) including the model's data
      preprocessor on this process's CPU: mmaction2's transforms, ours
      (drop-ins), and ours keypoints-only + PoseHeatmapPreprocessor

and prints samples/s and the ratio to mmaction2, plus the peak memory
(tracemalloc) of the 10-clip test pipeline per sample. Expect noise on a
shared machine: the ratios are what to compare.
"""
import argparse
import os
import os.path as osp
import sys
import time
import tracemalloc

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.abspath(
    __file__)))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)
import numpy as np  # noqa: E402
import torch  # noqa: E402
from mmengine.dataset import Compose, pseudo_collate  # noqa: E402

from mmaction_pose.registry import MODELS, TRANSFORMS  # noqa: E402
from mmaction_pose.structures.skeleton_layouts import (  # noqa: E402
    COCO17, layout_lists)
from mmaction_pose.utils import register_all_modules  # noqa: E402

# A standing COCO-17 person in a unit box (x, y), COCO17.joints order.
TEMPLATE = np.array(
    [[.50, .08], [.53, .06], [.47, .06], [.56, .08], [.44, .08], [.62, .20],
     [.38, .20], [.68, .36], [.32, .36], [.70, .50], [.30, .50], [.58, .52],
     [.42, .52], [.60, .74], [.40, .74], [.60, .95], [.40, .95]], np.float32)
SKELETON = layout_lists('coco17')
TARGETS = dict(a=10., b=10., c=5., d=3.)


def poses(rng: np.random.Generator, frames: int, height: float,
          width: float, persons: int = 2) -> tuple[np.ndarray, np.ndarray]:
    """Two persons side by side, moving and jittering, ``(M, T, V, 2)``."""
    kp = np.empty((persons, frames, 17, 2), np.float32)
    for m in range(persons):
        size = height * rng.uniform(0.6, 0.85)
        sway = np.sin(np.linspace(0, rng.uniform(2, 8), frames))[:, None]
        centre = np.array([width * (m + 1) / (persons + 1), height / 2])
        kp[m] = ((TEMPLATE - 0.5) * size + centre + sway[..., None] *
                 [0.04 * width, 0] +
                 rng.normal(0, 0.015 * size, (frames, 17, 2)))
    score = rng.uniform(0.3, 1., kp.shape[:3]).astype(np.float32)
    return kp, score


def time_per_call(fn, samples: list, seconds: float) -> float:
    """Seconds per call of ``fn`` on the samples (cycled), after warm-up."""
    fn(samples[0])
    calls, start = 0, time.perf_counter()
    while True:
        fn(samples[calls % len(samples)])
        calls += 1
        elapsed = time.perf_counter() - start
        if elapsed > seconds and calls >= 3:
            return elapsed / calls


def build(pipeline: list, scope: str) -> Compose:
    """Build every step in ``scope`` (``'mmaction'``: mmaction2's classes
    only, even where mmaction-pose has a drop-in of the same name)."""
    steps = [TRANSFORMS.build(dict(step, _scope_=scope)) for step in pipeline]
    if scope == 'mmaction':
        assert all(type(t).__module__.startswith('mmaction.') for t in steps)
    return Compose(steps)


def heatmap_cases(rng: np.random.Generator, seconds: float) -> list:
    rows = []
    train = []
    for _ in range(8):
        kp, score = poses(rng, 48, 56, 56)
        train.append(dict(keypoint=kp, keypoint_score=score,
                          img_shape=(56, 56)))
    test = []
    for _ in range(2):
        kp, score = poses(rng, 480, 64, 64)
        test.append(dict(keypoint=kp, keypoint_score=score,
                         img_shape=(64, 64)))
    flip = dict(double=True, left_kp=SKELETON['left_kp'],
                right_kp=SKELETON['right_kp'])
    for case, name, kwargs, samples in (
            ('a', 'train joints T=48 56x56', dict(), train),
            ('b', 'train limbs T=48 56x56',
             dict(with_kp=False, with_limb=True), train),
            ('c', 'test joints 10x48 64x64 +flip', flip, test)):
        times = []
        for scope in ('mmaction', 'mmaction_pose'):
            transform = build([dict(type='GeneratePoseTarget', **kwargs)],
                              scope)
            times.append(
                time_per_call(lambda s: transform(dict(s)), samples,
                              seconds))
        rows.append((case, name, 1 / times[0], 1 / times[1]))
    return rows


def ntu_pipelines(clip_len: int, num_clips: int, test: bool) -> list:
    """mmaction2's NTU-60 keypoint pipelines (test: 10 clips x flip)."""
    if test:
        steps = [
            dict(type='UniformSampleFrames', clip_len=clip_len,
                 num_clips=num_clips, test_mode=True),
            dict(type='PoseDecode'),
            dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
            dict(type='Resize', scale=(-1, 64)),
            dict(type='CenterCrop', crop_size=64)
        ]
        target = dict(sigma=0.6, use_score=True, with_kp=True,
                      with_limb=False, double=True,
                      left_kp=SKELETON['left_kp'],
                      right_kp=SKELETON['right_kp'])
    else:
        steps = [
            dict(type='UniformSampleFrames', clip_len=clip_len),
            dict(type='PoseDecode'),
            dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True),
            dict(type='Resize', scale=(-1, 64)),
            dict(type='RandomResizedCrop', area_range=(0.56, 1.0)),
            dict(type='Resize', scale=(56, 56), keep_ratio=False),
            dict(type='Flip', flip_ratio=0.5, left_kp=SKELETON['left_kp'],
                 right_kp=SKELETON['right_kp'])
        ]
        target = dict(sigma=0.6, use_score=True, with_kp=True,
                      with_limb=False)
    heatmaps = steps + [
        dict(type='GeneratePoseTarget', **target),
        dict(type='FormatShape', input_format='NCTHW_Heatmap'),
        dict(type='PackActionInputs')
    ]
    keypoints = steps + [dict(type='PackPoseKeypoints', **target)]
    return [('mmaction2', heatmaps, 'mmaction'),
            ('ours', heatmaps, 'mmaction_pose'),
            ('ours keypoints + device rendering', keypoints,
             'mmaction_pose')]


def raw_samples(rng: np.random.Generator, num: int) -> list:
    """NTU-like annotations: 1080p, 2 persons, 60-200 frames."""
    samples = []
    for i in range(num):
        frames = int(rng.integers(60, 200))
        kp, score = poses(rng, frames, 1080., 1920.)
        samples.append(dict(keypoint=kp, keypoint_score=score,
                            total_frames=frames, img_shape=(1080, 1920),
                            original_shape=(1080, 1920), label=i % 60,
                            start_index=0, modality='Pose'))
    return samples


class ListDataset(torch.utils.data.Dataset):

    def __init__(self, samples: list, pipeline: Compose) -> None:
        self.samples, self.pipeline = samples, pipeline

    def __len__(self) -> int:
        return len(self.samples)

    def __getitem__(self, idx: int) -> dict:
        return self.pipeline(dict(self.samples[idx]))


def dataloader_case(rng: np.random.Generator, batches: int,
                    batch_size: int, workers: int) -> list:
    samples = raw_samples(rng, 64)
    rows = []
    for name, pipeline, scope in ntu_pipelines(48, 1, test=False):
        preprocessor = MODELS.build(
            dict(type='PoseHeatmapPreprocessor') if 'device' in name else
            dict(type='ActionDataPreprocessor', format_shape='NCTHW'))
        loader = torch.utils.data.DataLoader(
            ListDataset(samples, build(pipeline, scope)),
            batch_size=batch_size, num_workers=workers, shuffle=True,
            collate_fn=pseudo_collate, persistent_workers=workers > 0,
            prefetch_factor=2 if workers else None)
        batch_iter = iter(_forever(loader))
        shape = preprocessor(next(batch_iter))['inputs'].shape  # warm-up
        start = time.perf_counter()
        for _ in range(batches):
            preprocessor(next(batch_iter))
        elapsed = time.perf_counter() - start
        rows.append((name, batches * batch_size / elapsed, tuple(shape)))
        del batch_iter, loader
    return rows


def _forever(loader):
    while True:
        yield from loader


def test_sample_memory(rng: np.random.Generator) -> list:
    """tracemalloc peak of one 10-clip x flip test sample per pipeline."""
    sample = raw_samples(rng, 1)[0]
    rows = []
    for name, pipeline, scope in ntu_pipelines(48, 10, test=True):
        pipe = build(pipeline, scope)
        pipe(dict(sample))
        tracemalloc.start()
        out = pipe(dict(sample))
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        inputs = out['inputs']
        size = sum(t.numel() * t.element_size() for t in (
            inputs.values() if isinstance(inputs, dict) else [inputs]))
        rows.append((name, peak / 2**20, size / 2**20))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--seconds', type=float, default=3.,
                        help='timing budget per transform and case')
    parser.add_argument('--batches', type=int, default=12)
    parser.add_argument('--batch-size', type=int, default=16)
    parser.add_argument('--workers', type=int, default=2)
    parser.add_argument('--skip-dataloader', action='store_true')
    args = parser.parse_args()
    torch.set_num_threads(1)
    register_all_modules(init_default_scope=True)
    rng = np.random.default_rng(0)
    print(f'CPUs: {os.cpu_count()}, OMP_NUM_THREADS='
          f'{os.environ.get("OMP_NUM_THREADS")}, torch threads: '
          f'{torch.get_num_threads()}, layout: {COCO17.name}')

    print('\n| case | mmaction2 samples/s | ours samples/s | ratio | '
          'target |\n|---|---:|---:|---:|---:|')
    for case, name, theirs, ours in heatmap_cases(rng, args.seconds):
        print(f'| ({case}) GeneratePoseTarget, {name} | {theirs:.1f} | '
              f'{ours:.1f} | {ours / theirs:.1f}x | '
              f'≥{TARGETS[case]:.0f}x |')
    if not args.skip_dataloader:
        rows = dataloader_case(rng, args.batches, args.batch_size,
                               args.workers)
        base = rows[0][1]
        for name, speed, shape in rows:
            print(f'| (d) NTU train pipeline, {args.workers} workers, '
                  f'{name} | {base:.1f} | {speed:.1f} | {speed / base:.1f}x '
                  f'| {"≥3x" if "device" in name else ""} |')
        print(f'\n(d) model input per batch: {rows[-1][2]}')
    print('\n| 10-clip x flip test sample | peak traced memory (MB) | '
          'model input per sample (MB) |\n|---|---:|---:|')
    for name, peak, size in test_sample_memory(rng):
        print(f'| {name} | {peak:.1f} | {size:.2f} |')


if __name__ == '__main__':
    main()
