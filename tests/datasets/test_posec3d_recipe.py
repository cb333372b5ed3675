# Copyright (c) mmaction-pose. All rights reserved.
"""The custom-dataset PoseC3D recipe: flip pairs, limbs and input channels
follow the layout; the defaults are the Penn Action recipe
but for the schedule (60 epochs)."""
from __future__ import annotations

from pathlib import Path

import pytest
from mmengine.config import Config

from mmaction_pose.datasets.posec3d_recipe import (PENN_ACTION_RECIPE,
                                                   posec3d_custom,
                                                   posec3d_data,
                                                   posec3d_pipelines)
from mmaction_pose.engine.schedules import warmup_cosine
from mmaction_pose.structures import KINECT20

CONFIGS = Path(__file__).resolve().parents[2] / 'configs'
POSEC3D = CONFIGS / 'posec3d'


@pytest.mark.parametrize('modality', ['keypoint', 'limb'])
def test_defaults_are_the_penn_action_recipe(modality):
    penn = Config.fromfile(
        str(CONFIGS / '_base_' / 'datasets' / f'penn_action_{modality}.py'))
    ours = posec3d_pipelines('penn13', modality)
    for split in ('train', 'val', 'test'):
        assert ours[f'{split}_pipeline'] == \
            penn.to_dict()[f'{split}_pipeline'], split
    leaf = Config.fromfile(str(POSEC3D / f'penn_action_{modality}.py'))
    custom = Config.fromfile(str(POSEC3D / f'custom_{modality}.py'))
    for key in ('dropout_ratio', 'label_smooth_eps'):
        assert custom.model.cls_head[key] == leaf.model.cls_head[key]
    assert custom.optim_wrapper == leaf.optim_wrapper
    # the one change, chosen on held-out N-UCLA views: 60 epochs, not 40
    assert (leaf.train_cfg.max_epochs, custom.train_cfg.max_epochs) == (40, 60)
    assert custom.param_scheduler == warmup_cosine(60)
    assert leaf.param_scheduler == warmup_cosine(40)


def test_limb_recipe_follows_the_layout():
    data = posec3d_data(dict(modality='limb'), 'x.pkl', 10, 'kinect20')
    assert data['heatmap_channels'] == KINECT20.num_limbs == 19
    assert data['num_joints'] == 20 and data['layout'] == 'kinect20'
    flip = data['train_pipeline'][6]
    assert flip['type'] == 'Flip' and flip['left_kp'] == KINECT20.left_kp
    test_target = data['test_pipeline'][4]
    assert test_target['skeletons'] == [list(lb) for lb in KINECT20.limbs]
    assert test_target['left_limb'] == KINECT20.left_limb
    assert test_target['right_limb'] == KINECT20.right_limb
    assert test_target['right_kp'] == KINECT20.right_kp


def test_splits_and_loaders():
    data = posec3d_data({}, 'x.pkl', 3, 'coco17', train_split='a',
                        test_split='b', val_split='a_val')
    assert data['train_dataloader']['dataset']['dataset']['split'] == 'a'
    assert data['val_dataloader']['dataset']['split'] == 'a_val'
    assert data['test_dataloader']['dataset']['split'] == 'b'
    assert data['test_dataloader']['batch_size'] == 1


def test_render_on_device_packs_the_heatmap_arguments():
    host = posec3d_pipelines('penn13', 'keypoint')
    dev = posec3d_pipelines('penn13', 'keypoint', render_on_device=True)
    for key, steps in host.items():
        assert dev[key] == [*steps[:-3],
                            dict(steps[-3], type='PackPoseKeypoints')]


def test_custom_adds_the_model_overrides():
    out = posec3d_custom(dict(modality='limb'), 'x.pkl', 7, 'penn13')
    assert out['model'] == dict(backbone=dict(in_channels=14),
                                cls_head=dict(num_classes=7))


def test_bad_recipe_is_reported():
    with pytest.raises(KeyError, match="unknown recipe keys \\['clip'\\]"):
        posec3d_data(dict(clip=3), 'x.pkl', 3, 'coco17')
    with pytest.raises(ValueError, match='modality'):
        posec3d_pipelines('coco17', 'paf')
    assert set(PENN_ACTION_RECIPE) >= {'modality', 'render_on_device'}


def test_example_leaf_is_short_and_follows_kinect20():
    path = POSEC3D / 'custom_example_nucla_xview3.py'
    assert len(path.read_text().splitlines()) <= 10
    cfg = Config.fromfile(str(path))
    assert cfg.model.backbone.in_channels == 20
    assert cfg.model.cls_head.num_classes == 10
    assert cfg.num_joints == 20 and cfg.left_kp == KINECT20.left_kp
    assert cfg.train_dataloader.dataset.dataset.split == 'xview3_train'
    assert cfg.test_dataloader.dataset.split == 'xview3_test'
    assert cfg.test_dataloader.dataset.ann_file == 'data/nucla/nucla.pkl'
    assert cfg.model.cls_head.dropout_ratio == 0.2  # from the base


@pytest.mark.parametrize('base, channels', [('custom_limb', 19),
                                            ('custom_keypoint', 20)])
def test_a_user_leaf_of_ten_lines_follows_its_layout(tmp_path, base,
                                                     channels):
    leaf = tmp_path / 'mine.py'
    leaf.write_text(
        f"_base_ = ['{POSEC3D / base}.py']\n"
        "globals().update(__import__(\n"
        "    'mmaction_pose.datasets.posec3d_recipe', fromlist=['*'])"
        ".posec3d_custom(\n"
        "        _base_.recipe, ann_file='data/mine/mine.pkl', "
        "num_classes=4,\n"
        "        layout='kinect20'))\n")
    cfg = Config.fromfile(str(leaf))
    assert cfg.model.backbone.in_channels == channels
    assert cfg.recipe.modality == base.split('_')[1]
    steps = cfg.test_dataloader.dataset.pipeline
    assert steps[4]['right_kp'] == KINECT20.right_kp
    assert cfg.train_dataloader.dataset.dataset.ann_file == \
        'data/mine/mine.pkl'


def test_interpolate_sampling_knob_runs_end_to_end(coco_pose):
    from mmengine.dataset import Compose
    pipes = posec3d_pipelines('coco17', clip_len=6, heatmap_size=16,
                              num_test_clips=2, sampling='interpolate')
    default = posec3d_pipelines('coco17', clip_len=6, heatmap_size=16,
                                num_test_clips=2)
    for key, steps in pipes.items():
        assert steps[0]['type'] == 'InterpolateSampleFrames', key
        assert steps[1:] == default[key][2:], key  # no PoseDecode
    sample = dict(coco_pose, label=1, frame_dir='s', modality='Pose')
    test = Compose(pipes['test_pipeline'])(dict(sample))
    assert tuple(test['inputs'].shape) == (4, 17, 6, 16, 16)  # 2 clips x 2
    train = Compose(pipes['train_pipeline'])(dict(sample))
    assert tuple(train['inputs'].shape) == (1, 17, 6, 16, 16)
    assert posec3d_data(dict(sampling='interpolate'), 'x.pkl', 3, 'coco17')[
        'val_pipeline'][0]['type'] == 'InterpolateSampleFrames'
    with pytest.raises(ValueError, match='sampling'):
        posec3d_pipelines('coco17', sampling='random')
