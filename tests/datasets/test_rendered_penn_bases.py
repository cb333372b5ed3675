# Copyright (c) mmaction-pose. All rights reserved.
"""The rendered Penn Action dataset bases (configs/_base_/datasets/
penn_action_rendered/: RGB-only, pose-only, RGB+pose) on a tiny rendered
dataset: build + one sample through every split's pipeline, and bad videos
failing at load time (or naming the sample at run time)."""
from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
import pytest
from mmengine.config import Config

from conftest import write_rendered_penn
from mmaction_pose.datasets.pose_dataset import SampleError
from mmaction_pose.registry import DATASETS

ROOT = Path(__file__).resolve().parents[2]
CONFIGS = ROOT / 'configs' / 'rgbpose_conv3d'
FRAMES = 20


@pytest.fixture(scope='module')
def rendered(tmp_path_factory):
    """4 Penn-13 clips (2 train, 2 test) rendered at 112 px."""
    return write_rendered_penn(tmp_path_factory.mktemp('penn_rgb'),
                               frames=FRAMES)


def _dataset(config: str, split: str, rendered: Path, **extra) -> object:
    cfg = Config.fromfile(str(CONFIGS / config))
    loader = cfg[f'{split}_dataloader']
    ds = loader.dataset
    if ds.type == 'RepeatDataset':
        ds = ds.dataset
    ds.ann_file = str(rendered / 'annotations.pkl')
    if 'data_prefix' in ds:
        ds.data_prefix = dict(video=str(rendered))
    ds.update(extra)
    return DATASETS.build(ds)


@pytest.mark.parametrize('split', ['train', 'val', 'test'])
def test_rgb_base_one_sample(rendered, split):
    ds = _dataset('penn_action_rendered_rgb_only.py', split, rendered)
    assert len(ds) == 2
    clips = 10 if split == 'test' else 1
    assert ds[0]['inputs'].shape == (clips, 3, 8, 64, 64)


@pytest.mark.parametrize('split', ['train', 'test'])
def test_pose_base_one_sample(rendered, split):
    ds = _dataset('penn_action_rendered_pose_only.py', split, rendered)
    assert len(ds) == 2
    views = 20 if split == 'test' else 1
    assert ds[0]['inputs'].shape == (views, 13, 32, 32, 32)


@pytest.mark.parametrize('split', ['train', 'val', 'test'])
def test_rgbpose_base_one_sample(rendered, split):
    ds = _dataset('penn_action_rendered.py', split, rendered)
    sample = ds[1]
    clips = 10 if split == 'test' else 1
    assert sample['inputs']['imgs'].shape == (clips, 3, 8, 64, 64)
    assert sample['inputs']['heatmap_imgs'].shape == (clips, 13, 32, 32, 32)
    assert sample['data_samples'].gt_label.item() == 1


def test_rgbpose_flip_test_appends_the_mirrored_views(rendered):
    flip = _dataset('penn_action_rendered_flip_test.py', 'test', rendered)
    plain = _dataset('penn_action_rendered.py', 'test', rendered)
    a, b = flip[1]['inputs'], plain[1]['inputs']
    assert a['imgs'].shape == (20, 3, 8, 64, 64)
    assert a['heatmap_imgs'].shape == (20, 13, 32, 32, 32)
    # first crop = the unflipped test sample; second = its mirror
    np.testing.assert_array_equal(a['imgs'][:10], b['imgs'])
    np.testing.assert_array_equal(a['imgs'][10:], b['imgs'].flip(-1))
    np.testing.assert_allclose(a['heatmap_imgs'][:10], b['heatmap_imgs'])
    # the mirrored heatmaps swap the left / right joint channels
    cfg = Config.fromfile(str(CONFIGS / 'penn_action_rendered.py'))
    order = np.arange(13)
    order[cfg.left_kp], order[cfg.right_kp] = cfg.right_kp, cfg.left_kp
    np.testing.assert_allclose(a['heatmap_imgs'][10:, order],
                               b['heatmap_imgs'].flip(-1), atol=1e-2)


def test_pose_base_agrees_with_common(rendered):
    pose = Config.fromfile(str(CONFIGS / 'penn_action_rendered_pose_only.py'))
    rgb = Config.fromfile(str(CONFIGS / 'penn_action_rendered_rgb_only.py'))
    assert pose.ann_file == rgb.ann_file
    assert pose.train_dataloader.dataset.dataset.ann_file == rgb.ann_file
    assert pose.num_classes == rgb.num_classes
    assert pose.batch_size == rgb.batch_size


def _copy(rendered: Path, tmp_path: Path) -> Path:
    out = tmp_path / 'videos'
    out.mkdir()
    for f in rendered.iterdir():
        (out / f.name).write_bytes(f.read_bytes())
    return out


def test_missing_video_fails_at_load_time(rendered, tmp_path):
    videos = _copy(rendered, tmp_path)
    (videos / '0002.mp4').unlink()
    with pytest.raises(FileNotFoundError, match=r"sample #1 \(frame_dir=.*"
                       r"0002.*0002\.mp4' does not exist"):
        _dataset('penn_action_rendered.py', 'train', videos)


def test_truncated_video_fails_at_load_time(rendered, tmp_path):
    videos = _copy(rendered, tmp_path)
    data = (videos / '0001.mp4').read_bytes()
    (videos / '0001.mp4').write_bytes(data[:len(data) // 2])
    with pytest.raises(OSError, match=r'sample #0 .*0001\.mp4.* cannot be '
                       'opened'):
        _dataset('penn_action_rendered_rgb_only.py', 'train', videos)


def test_short_video_fails_at_load_time(rendered, tmp_path):
    videos = _copy(rendered, tmp_path)
    with open(videos / 'annotations.pkl', 'rb') as f:
        data = pickle.load(f)
    anno = data['annotations'][2]
    anno['total_frames'] = FRAMES + 5
    anno['keypoint'] = np.concatenate(
        [anno['keypoint'], anno['keypoint'][:, :5]], 1)
    anno['keypoint_score'] = np.concatenate(
        [anno['keypoint_score'], anno['keypoint_score'][:, :5]], 1)
    with open(videos / 'annotations.pkl', 'wb') as f:
        pickle.dump(data, f)
    with pytest.raises(OSError, match=f'0003.mp4.* has {FRAMES} frames, '
                       f'fewer than total_frames={FRAMES + 5}'):
        _dataset('penn_action_rendered.py', 'test', videos)


def test_pose_only_pipeline_does_not_need_videos(rendered, tmp_path):
    videos = _copy(rendered, tmp_path)
    for f in videos.glob('*.mp4'):
        f.unlink()
    ds = _dataset('penn_action_rendered_pose_only.py', 'train', videos)
    assert ds[0]['inputs'].shape[1] == 13


def test_video_check_none_defers_to_a_named_runtime_error(rendered, tmp_path):
    videos = _copy(rendered, tmp_path)
    (videos / '0002.mp4').write_bytes(b'not a video')
    ds = _dataset('penn_action_rendered.py', 'train', videos,
                  video_check='none')
    ds[0]  # the good one
    with pytest.raises(SampleError, match=r"sample #1 \(frame_dir='.*0002'"):
        ds[1]


def test_unknown_video_check_is_rejected(rendered):
    with pytest.raises(ValueError, match='video_check'):
        _dataset('penn_action_rendered.py', 'train', rendered,
                 video_check='sometimes')
