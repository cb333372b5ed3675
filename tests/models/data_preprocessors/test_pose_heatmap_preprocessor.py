# Copyright (c) mmaction-pose. All rights reserved.
"""Device rendering: PackPoseKeypoints + PoseHeatmapPreprocessor equal
mmaction2's GeneratePoseTarget + FormatShape + PackActionInputs +
ActionDataPreprocessor, and the device configs switch over cleanly."""
from __future__ import annotations

import copy
import random
from pathlib import Path

import numpy as np
import pytest
import torch
from mmaction.datasets.transforms import FormatShape
from mmaction.datasets.transforms import \
    GeneratePoseTarget as MMAGeneratePoseTarget
from mmaction.datasets.transforms import PackActionInputs
from mmaction.models import ActionDataPreprocessor
from mmengine.config import Config
from mmengine.dataset import Compose, pseudo_collate

from mmaction_pose.registry import DATASETS, MODELS, TRANSFORMS

CONFIGS = Path(__file__).resolve().parents[3] / 'configs'

CASES = [
    (dict(), 1),  # train / val
    (dict(double=True), 3),  # multi-clip test with flip
    (dict(with_kp=False, with_limb=True, double=True, scaling=0.5), 2),
    (dict(use_score=False, sigma=1.2), 1),
]


def random_samples(rng: np.random.Generator, num_clips: int,
                   clip_len: int = 3) -> list[dict]:
    samples = []
    for i in range(3):
        m = (2, 0, 1)[i]
        kp = rng.uniform(-3, 27, (m, num_clips * clip_len, 17, 2))
        score = rng.uniform(0, 1, kp.shape[:3])
        samples.append(dict(keypoint=kp.astype(np.float32),
                            keypoint_score=score.astype(np.float32),
                            img_shape=(20, 24), num_clips=num_clips,
                            clip_len=clip_len, label=i))
    return samples


def mmaction_batch(samples: list[dict], kwargs: dict) -> torch.Tensor:
    pipeline = Compose([
        MMAGeneratePoseTarget(**kwargs),
        FormatShape('NCTHW_Heatmap'),
        PackActionInputs()
    ])
    packed = [pipeline(copy.deepcopy(s)) for s in samples]
    return ActionDataPreprocessor(format_shape='NCTHW')(
        pseudo_collate(packed))['inputs']


@pytest.mark.parametrize('kwargs, num_clips', CASES)
def test_device_rendering_matches_mmaction_pipeline(kwargs, num_clips, rng):
    samples = random_samples(rng, num_clips)
    pack = TRANSFORMS.build(dict(type='PackPoseKeypoints', **kwargs))
    preprocessor = MODELS.build(dict(type='PoseHeatmapPreprocessor'))
    data = preprocessor(pseudo_collate([pack(copy.deepcopy(s))
                                        for s in samples]))
    ref = mmaction_batch(samples, kwargs)
    assert data['inputs'].shape == ref.shape
    torch.testing.assert_close(data['inputs'], ref, atol=1e-5, rtol=0)
    assert [s.gt_label.item() for s in data['data_samples']] == [0, 1, 2]


def test_packed_test_sample_is_small(rng):
    """A 10-clip x 48-frame test sample with flip: 267 MB of heatmaps in
    mmaction2's pipeline, keypoints only here."""
    sample = random_samples(rng, num_clips=10, clip_len=48)[0]
    packed = TRANSFORMS.build(
        dict(type='PackPoseKeypoints', double=True))(sample)
    size = sum(t.numel() * t.element_size()
               for t in packed['inputs'].values())
    assert size < 5 * 2**20
    assert packed['data_samples'].heatmap_cfg['flip_index'] is not None


def test_frames_must_match_clips(rng):
    sample = random_samples(rng, num_clips=2)[0]
    sample['num_clips'] = 3
    with pytest.raises(ValueError, match='num_clips'):
        TRANSFORMS.build(dict(type='PackPoseKeypoints'))(sample)


def test_heatmap_volumes_pass_through(rng):
    volumes = [torch.rand(2, 17, 4, 8, 8) for _ in range(2)]
    data = dict(inputs=volumes, data_samples=[None, None])
    out = MODELS.build(dict(type='PoseHeatmapPreprocessor'))(
        copy.deepcopy(data))
    ref = ActionDataPreprocessor(format_shape='NCTHW')(copy.deepcopy(data))
    torch.testing.assert_close(out['inputs'], ref['inputs'])


def test_mixed_recipes_in_a_batch_are_rejected(rng):
    samples = random_samples(rng, num_clips=1)
    packed = [
        TRANSFORMS.build(dict(type='PackPoseKeypoints', sigma=s))(x)
        for s, x in zip((0.6, 0.6, 1.0), samples)
    ]
    with pytest.raises(ValueError, match='same heatmap recipe'):
        MODELS.build(dict(type='PoseHeatmapPreprocessor'))(
            pseudo_collate(packed))


def _first_samples(cfg: Config, split: str, ann_file: Path,
                   n: int = 2) -> list:
    """Run ``split``'s pipeline on the first ``n`` samples, seeded."""
    loader = copy.deepcopy(cfg[f'{split}_dataloader'])
    dataset_cfg = loader['dataset']
    dataset_cfg['ann_file'] = str(ann_file)
    dataset = DATASETS.build(dataset_cfg)
    out = []
    for i in range(n):
        np.random.seed(i)
        random.seed(i)  # RandomResizedCrop draws from both
        out.append(dataset[i])
    return out


@pytest.fixture(scope='module')
def quickstart_configs() -> tuple[Config, Config]:
    """The quickstart leaf and its device-rendering twin."""
    return (Config.fromfile(str(CONFIGS / 'posec3d' /
                                'synthetic_keypoint.py')),
            Config.fromfile(str(CONFIGS / 'posec3d' /
                                'synthetic_keypoint_device.py')))


@pytest.mark.parametrize('split, n', [('train', 2), ('val', 2), ('test', 1)])
def test_device_leaf_config_matches_quickstart(split, n, synthetic_pkl,
                                               quickstart_configs):
    host, device = quickstart_configs
    assert device.model == host.model
    ref = ActionDataPreprocessor(format_shape='NCTHW')(
        pseudo_collate(_first_samples(host, split, synthetic_pkl, n)))
    model_cfg = copy.deepcopy(device.model)
    model_cfg.setdefault('data_preprocessor', device.data_preprocessor)
    preprocessor = MODELS.build(model_cfg['data_preprocessor'])
    out = preprocessor(
        pseudo_collate(_first_samples(device, split, synthetic_pkl, n)))
    torch.testing.assert_close(out['inputs'], ref['inputs'], atol=1e-5,
                               rtol=0)


def test_device_dataset_base_switches_with_one_line(tmp_path):
    """A leaf listing the ``*_device.py`` dataset base gets keypoint-only
    pipelines and the preprocessor (merged into the model by the Runner)."""
    base = CONFIGS / '_base_'
    leaf = tmp_path / 'leaf.py'
    leaf.write_text(
        f"_base_ = ['{base}/models/posec3d_slowonly_r50.py', "
        f"'{base}/datasets/synthetic_keypoint_device.py', "
        f"'{base}/schedules/sgd_cosine.py', '{base}/default_runtime.py']\n")
    cfg = Config.fromfile(str(leaf))
    assert cfg.data_preprocessor.type == 'PoseHeatmapPreprocessor'
    host = Config.fromfile(str(base / 'datasets' / 'synthetic_keypoint.py'))
    for split in ('train', 'val', 'test'):
        pipeline = cfg[f'{split}_dataloader'].dataset.pipeline
        assert pipeline[:-1] == host[f'{split}_pipeline'][:-3]
        assert pipeline[-1].type == 'PackPoseKeypoints'
        assert {**pipeline[-1], 'type': 'GeneratePoseTarget'} == \
            host[f'{split}_pipeline'][-3]
        for step in pipeline:
            TRANSFORMS.build(step)


def test_device_model_runs_a_test_step(synthetic_pkl, quickstart_configs):
    cfg = copy.deepcopy(quickstart_configs[1])
    cfg.model.setdefault('data_preprocessor', cfg.data_preprocessor)
    model = MODELS.build(cfg.model).eval()
    batch = pseudo_collate(_first_samples(cfg, 'val', synthetic_pkl, 1))
    with torch.no_grad():
        pred = model.test_step(batch)
    assert pred[0].pred_score.shape == (cfg.model.cls_head.num_classes, )
