# Copyright (c) mmaction-pose. All rights reserved.
"""configs/rgbpose_conv3d/ntu60.py end to end on generated data: RGB videos
(cv2) + keypoints, narrowed through `--cfg-options`-style overrides. One
dual-pathway train step and one 10-clip test step through the config's own
pipelines, model and optimiser; then AccMetric, a `--dump` file and
tools/fuse_scores.py on it. The same run through tools/train.py and
tools/test.py is the slow test at the end."""
from __future__ import annotations

import importlib.util
import os
import pickle
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import torch
from mmengine.config import Config
from mmengine.dataset import pseudo_collate
from mmengine.evaluator import DumpResults, Evaluator
from mmengine.optim import build_optim_wrapper

from mmaction_pose.registry import DATASETS, METRICS, MODELS
from mmaction_pose.utils import cli

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / 'configs' / 'rgbpose_conv3d' / 'ntu60.py'
FRAMES, SIDE, POSE_SIDE = 32, 64, 128  # poses in a 2x larger frame


def _options(ann: Path, videos: Path) -> dict:
    """What one would pass as `--cfg-options` to shrink the run."""
    opts = {
        'model.backbone.rgb_pathway.base_channels': 16,
        'model.backbone.pose_pathway.base_channels': 8,
        'model.cls_head.in_channels': (512, 128),
        # RGB 256 -> 72 and 224 -> 64 (heatmaps 64 / 4 = 16).
        'train_dataloader.dataset.pipeline.3.scale': (72, 72),
        'train_dataloader.dataset.pipeline.5.scale': (64, 64),
        'val_dataloader.dataset.pipeline.3.scale': (64, 64),
        'test_dataloader.dataset.pipeline.3.scale': (64, 64),
    }
    for split in ('train', 'val', 'test'):
        opts.update({
            f'{split}_dataloader.dataset.ann_file': str(ann),
            f'{split}_dataloader.dataset.data_prefix.video': str(videos),
            f'{split}_dataloader.batch_size': 2 if split == 'train' else 1,
            f'{split}_dataloader.num_workers': 0,
            f'{split}_dataloader.persistent_workers': False,
        })
    return opts


@pytest.fixture(scope='module')
def ntu_like(tmp_path_factory):
    """Two 32-frame 64x64 mp4 videos and their COCO-17 keypoints."""
    root = tmp_path_factory.mktemp('rgbpose')
    videos = root / 'videos'
    videos.mkdir()
    rng = np.random.default_rng(0)
    annotations = []
    for i in range(2):
        writer = cv2.VideoWriter(str(videos / f'S001C001P00{i}R001A00{i}.mp4'),
                                 cv2.VideoWriter_fourcc(*'mp4v'), 30,
                                 (SIDE, SIDE))
        for _ in range(FRAMES):
            writer.write(rng.integers(0, 255, (SIDE, SIDE, 3), np.uint8))
        writer.release()
        annotations.append(dict(
            frame_dir=f'S001C001P00{i}R001A00{i}', label=i,
            img_shape=(POSE_SIDE, POSE_SIDE),
            original_shape=(POSE_SIDE, POSE_SIDE), total_frames=FRAMES,
            keypoint=rng.uniform(16, 112, (1, FRAMES, 17, 2)).astype(
                np.float32),
            keypoint_score=np.ones((1, FRAMES, 17), np.float32)))
    names = [a['frame_dir'] for a in annotations]
    ann = root / 'ntu60_2d.pkl'
    with open(ann, 'wb') as f:
        pickle.dump(dict(split=dict(xsub_train=names, xsub_val=names),
                         annotations=annotations), f)
    return ann, videos


@pytest.fixture(scope='module')
def cfg(ntu_like):
    config = Config.fromfile(str(CONFIG))
    options = _options(*ntu_like)
    cli.check_cfg_options(config, options)  # valid as --cfg-options
    config.merge_from_dict(options)
    return config


@pytest.fixture
def model(cfg):
    model = MODELS.build(cfg.model)
    model.init_weights()
    return model


def test_train_step_trains_both_pathways(cfg, model):
    dataset = DATASETS.build(cfg.train_dataloader.dataset)
    batch = pseudo_collate([dataset[0], dataset[1]])
    assert batch['inputs']['imgs'][0].shape == (1, 3, 8, 64, 64)
    assert batch['inputs']['heatmap_imgs'][0].shape == (1, 17, 32, 16, 16)
    optim = build_optim_wrapper(model, cfg.optim_wrapper)
    rgb_fc = model.cls_head.fc_rgb.weight.detach().clone()
    pose_fc = model.cls_head.fc_pose.weight.detach().clone()
    losses = model.train_step(batch, optim)
    assert {'rgb_loss_cls', 'pose_loss_cls', 'loss'} <= set(losses)
    assert torch.isfinite(losses['loss'])
    assert not torch.equal(rgb_fc, model.cls_head.fc_rgb.weight)
    assert not torch.equal(pose_fc, model.cls_head.fc_pose.weight)


def test_ten_clip_test_step_metric_dump_and_fusion(cfg, model, tmp_path):
    dataset = DATASETS.build(cfg.test_dataloader.dataset)
    sample = dataset[0]
    assert sample['inputs']['imgs'].shape == (10, 3, 8, 64, 64)
    assert sample['inputs']['heatmap_imgs'].shape == (10, 17, 32, 16, 16)
    model.eval()
    with torch.no_grad():  # as in mmengine's TestLoop
        outputs = model.test_step(pseudo_collate([sample, dataset[1]]))
    for out in outputs:
        assert set(out.pred_score) == {'rgb', 'pose'}
        for score in out.pred_score.values():
            assert score.shape == (60, )
            assert float(score.sum()) == pytest.approx(1.0, abs=1e-4)
    dump = tmp_path / 'rgbpose.pkl'
    evaluator = Evaluator([METRICS.build(m) for m in cfg.test_evaluator]
                          + [DumpResults(out_file_path=str(dump))])
    evaluator.process(outputs)
    metrics = evaluator.evaluate(len(outputs))
    assert 'acc/RGBPose_1:1_top1' in metrics
    spec = importlib.util.spec_from_file_location(
        'fuse_tool', ROOT / 'tools' / 'fuse_scores.py')
    fuse = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fuse)
    fused = fuse.fuse([f'{dump}:rgb', f'{dump}:pose'])
    assert fused['fused']['top1'] == pytest.approx(
        metrics['acc/RGBPose_1:1_top1'])


@pytest.mark.slow
def test_tools_train_and_test_from_the_config(ntu_like, tmp_path):
    """tools/train.py (1 iteration) and tools/test.py --dump (10 clips)."""
    options = _options(*ntu_like)
    options.update({'train_cfg.max_epochs': 1, 'load_from': None,
                    'default_hooks.logger.interval': 1})
    args = ['--cfg-options'] + [
        f'{k}={v}'.replace(' ', '') for k, v in options.items()]
    env = dict(os.environ, OMP_NUM_THREADS='1')
    work = tmp_path / 'work'
    res = subprocess.run(
        [sys.executable, 'tools/train.py', str(CONFIG), '--work-dir',
         str(work), *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    dump = tmp_path / 'dump.pkl'
    res = subprocess.run(
        [sys.executable, 'tools/test.py', str(CONFIG),
         str(work / 'epoch_1.pth'), '--work-dir', str(work), '--dump',
         str(dump), *args], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=600)
    assert res.returncode == 0, res.stderr[-3000:]
    assert 'RGBPose_1:1_top1' in res.stdout + res.stderr
    with open(dump, 'rb') as f:
        assert set(pickle.load(f)[0]['pred_score']) == {'rgb', 'pose'}
