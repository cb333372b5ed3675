# Copyright (c) mmaction-pose. All rights reserved.
"""The CPU RGBPoseConv3D recipe on rendered Penn Action
(configs/rgbpose_conv3d/penn_action_rendered*.py), end to end through the
README's CLIs on a tiny rendered dataset: RGB-only and Pose-only training,
tools/merge_rgbpose_checkpoints.py on the checkpoints those runs wrote (the
merged model reproduces both pathways exactly), the dual-pathway fine-tune,
tools/test.py --dump and tools/fuse_scores.py on the dump."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from mmengine.config import Config
from mmengine.dataset import pseudo_collate

from conftest import ROOT, write_rendered_penn
from mmaction_pose.registry import DATASETS, MODELS

CFG_DIR = ROOT / 'configs' / 'rgbpose_conv3d'
STAGES = {'rgb': 'penn_action_rendered_rgb_only.py',
          'pose': 'penn_action_rendered_pose_only.py',
          'rgbpose': 'penn_action_rendered.py'}


def run(args: list[str], timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, OMP_NUM_THREADS='1')
    res = subprocess.run([sys.executable, *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=timeout)
    assert res.returncode == 0, res.stderr[-3000:]
    return res


def options(videos: Path, extra: tuple = ()) -> list[str]:
    ann = videos / 'annotations.pkl'
    opts = ['train_cfg.max_epochs=1', 'train_cfg.val_interval=1',
            'default_hooks.logger.interval=1',
            'default_hooks.checkpoint.interval=1']
    for split in ('train', 'val', 'test'):
        opts += [f'{split}_dataloader.num_workers=0',
                 f'{split}_dataloader.persistent_workers=False']
    opts += ['train_dataloader.batch_size=2', 'val_dataloader.batch_size=2']
    return opts + [f'ann_file={ann}', *extra]


def dataset_options(stage: str, videos: Path) -> list[str]:
    ann = videos / 'annotations.pkl'
    train = 'train_dataloader.dataset' + ('.dataset' if stage == 'pose'
                                          else '')
    out = []
    for key in (train, 'val_dataloader.dataset', 'test_dataloader.dataset'):
        out.append(f'{key}.ann_file={ann}')
        if stage != 'pose':
            out.append(f'{key}.data_prefix.video={videos}')
    return out


@pytest.fixture(scope='module')
def recipe(tmp_path_factory):
    """The three stages, run once: {stage: checkpoint}, merged init."""
    tmp = tmp_path_factory.mktemp('recipe')
    videos = write_rendered_penn(tmp / 'data', num_clips=4, frames=24)
    ckpts = {}
    for stage in ('rgb', 'pose'):
        work = tmp / stage
        run(['tools/train.py', str(CFG_DIR / STAGES[stage]), '--work-dir',
             str(work), '--cfg-options', *options(videos),
             *dataset_options(stage, videos)])
        ckpts[stage] = work / 'epoch_1.pth'
        assert ckpts[stage].is_file()
    init = tmp / 'init.pth'
    res = run(['tools/merge_rgbpose_checkpoints.py', str(ckpts['rgb']),
               str(ckpts['pose']), str(init), '--config',
               str(CFG_DIR / STAGES['rgbpose'])])
    assert 'left to the model init (laterals)' in res.stdout
    work = tmp / 'rgbpose'
    run(['tools/train.py', str(CFG_DIR / STAGES['rgbpose']), '--work-dir',
         str(work), '--cfg-options', *options(videos, (f'load_from={init}',)),
         *dataset_options('rgbpose', videos)])
    ckpts['rgbpose'] = work / 'epoch_1.pth'
    return tmp, videos, ckpts, init


def _load(config: str, ckpt: Path) -> torch.nn.Module:
    cfg = Config.fromfile(str(CFG_DIR / config))
    model = MODELS.build(cfg.model)
    model.init_weights()
    state = torch.load(ckpt, map_location='cpu', weights_only=False)
    missing, unexpected = model.load_state_dict(state['state_dict'],
                                                strict=False)
    assert not unexpected and all('lateral' in k for k in missing)
    return model.eval()


def test_merged_real_stage_checkpoints_reproduce_both_pathways(recipe):
    _, videos, ckpts, init = recipe
    rgb = _load(STAGES['rgb'], ckpts['rgb'])
    pose = _load(STAGES['pose'], ckpts['pose'])
    fused = _load(STAGES['rgbpose'], init)
    cfg = Config.fromfile(str(CFG_DIR / STAGES['rgbpose']))
    ds = cfg.test_dataloader.dataset
    ds.update(ann_file=str(videos / 'annotations.pkl'),
              data_prefix=dict(video=str(videos)))
    batch = pseudo_collate([DATASETS.build(ds)[0]])
    data = fused.data_preprocessor(batch, False)['inputs']
    # (1, 10 clips, C, T, H, W) -> 10 clips
    imgs, heatmaps = (data[k].flatten(0, 1) for k in ('imgs', 'heatmap_imgs'))
    with torch.no_grad():
        x_rgb, x_pose = fused.backbone(imgs, heatmaps)
        torch.testing.assert_close(x_rgb, rgb.backbone(imgs))
        torch.testing.assert_close(x_pose, pose.backbone(heatmaps))
        scores = fused.cls_head((x_rgb, x_pose))
        torch.testing.assert_close(scores['rgb'], rgb.cls_head(x_rgb))
        torch.testing.assert_close(scores['pose'], pose.cls_head(x_pose))


def test_finetuned_model_tests_dumps_and_fuses(recipe):
    tmp, videos, ckpts, _ = recipe
    dump = tmp / 'test.pkl'
    res = run(['tools/test.py', str(CFG_DIR / STAGES['rgbpose']),
               str(ckpts['rgbpose']), '--work-dir', str(tmp / 'test'),
               '--dump', str(dump), '--cfg-options',
               *options(videos)[4:], *dataset_options('rgbpose', videos)])
    for key in ('rgb_top1', 'pose_top1', 'RGBPose_1:1_top1'):
        assert f'acc/{key}' in res.stdout + res.stderr
    res = run(['tools/fuse_scores.py', f'{dump}:rgb', f'{dump}:pose',
               '--weights', '1', '1'])
    assert 'top1' in res.stdout.lower()
