# Copyright (c) mmaction-pose. All rights reserved.
"""Our PoseConv3D / RGBPose-Conv3D configs carry the reference recipes:
model, every pipeline step, data splits, batch sizes, optimiser, schedule
and init equal mmaction2 1.2.0's configs, except the listed deviations."""
from __future__ import annotations

from pathlib import Path

import pytest
from mmengine.config import Config
from mmengine.registry import DefaultScope

import mmaction
from mmaction.registry import MODELS, TRANSFORMS

OURS = Path(__file__).resolve().parents[2] / 'configs'
THEIRS = Path(mmaction.__file__).parent / '.mim' / 'configs' / 'skeleton' / \
    'posec3d'
# ours: (mmaction2 config, the only differing recipe entries)
PAIRS = {
    'posec3d/ntu60_xsub_keypoint.py':
    ('slowonly_r50_8xb16-u48-240e_ntu60-xsub-keypoint.py', set()),
    'posec3d/ntu60_xsub_limb.py':
    ('slowonly_r50_8xb16-u48-240e_ntu60-xsub-limb.py', set()),
    'posec3d/gym_keypoint.py':
    ('slowonly_r50_8xb16-u48-240e_gym-keypoint.py', set()),
    # mmaction2's train_dataloader is `dict(...),`: a tuple the Runner
    # rejects, so that config cannot train. Its test GeneratePoseTarget
    # also passes left_kp/right_kp (lists), which limb heatmaps ignore.
    'posec3d/gym_limb.py': ('slowonly_r50_8xb16-u48-240e_gym-limb.py',
                            {'train_dataloader_is_a_tuple',
                             'test_pipeline.5'}),
    'posec3d/k400_keypoint.py':
    ('slowonly_r50_8xb32-u48-240e_k400-keypoint.py', set()),
    'posec3d/ucf101_split1_keypoint.py':
    ('slowonly_kinetics400-pretrained-r50_8xb16-u48-120e_ucf101-split1-'
     'keypoint.py', set()),
    'posec3d/hmdb51_split1_keypoint.py':
    ('slowonly_kinetics400-pretrained-r50_8xb16-u48-120e_hmdb51-split1-'
     'keypoint.py', set()),
    # Our init is the file tools/merge_rgbpose_checkpoints.py writes.
    'rgbpose_conv3d/ntu60.py':
    ('rgbpose_conv3d/rgbpose_conv3d.py', {'load_from'}),
    'rgbpose_conv3d/rgb_only.py': ('rgbpose_conv3d/rgb_only.py', set()),
    # mmaction2 forgot the flip views (double=True) at test time.
    'rgbpose_conv3d/pose_only.py':
    ('rgbpose_conv3d/pose_only.py', {'test_pipeline.4'}),
}


def _dataset(cfg: dict) -> tuple[dict, list]:
    wrappers = []
    while 'dataset' in cfg:
        wrappers.append((cfg['type'], cfg.get('times')))
        cfg = cfg['dataset']
    return cfg, wrappers


def recipe(path: Path) -> dict:
    """Flat {entry: value} of what a config trains and tests with."""
    cfg = Config.fromfile(str(path))
    out = {}
    with DefaultScope.overwrite_default_scope('mmaction'):
        model = MODELS.build(cfg.model)
        for split in ('train', 'val', 'test'):
            loader = cfg[f'{split}_dataloader']
            if isinstance(loader, tuple):  # a `dict(...),` typo
                out[f'{split}_dataloader_is_a_tuple'] = True
                loader = loader[0]
            data, wrappers = _dataset(loader.dataset)
            out[f'{split}_loader'] = (
                loader.batch_size, wrappers, data.ann_file, data.get('split'),
                data.get('data_prefix'), data.get('box_thr'),
                data.get('test_mode', False))
            for i, step in enumerate(data.pipeline):
                out[f'{split}_pipeline.{i}'] = repr(TRANSFORMS.build(step))
    out['model'] = (type(model).__name__, type(model.backbone).__name__,
                    type(model.cls_head).__name__, model.cls_head.num_classes,
                    getattr(model.cls_head, 'average_clips', None))
    out['model.shapes'] = {k: tuple(v.shape)
                           for k, v in model.state_dict().items()}
    out['optimizer'] = dict(cfg.optim_wrapper.optimizer)
    out['clip_grad'] = dict(cfg.optim_wrapper.clip_grad)
    out['max_epochs'] = cfg.train_cfg.max_epochs
    out['param_scheduler'] = [dict(s) for s in cfg.param_scheduler]
    out['load_from'] = cfg.get('load_from')
    if 'auto_scale_lr' in cfg:
        out['auto_scale_lr'] = cfg.auto_scale_lr.base_batch_size
    return out


@pytest.mark.parametrize('ours', PAIRS)
def test_recipe_equals_mmaction2(ours):
    theirs, deviations = PAIRS[ours]
    a, b = recipe(OURS / ours), recipe(THEIRS / theirs)
    if 'auto_scale_lr' not in b:  # added by us where mmaction2 lacks it
        a.pop('auto_scale_lr')
    differing = {k for k in a.keys() | b.keys() if a.get(k) != b.get(k)}
    assert differing == deviations, {k: (a.get(k), b.get(k))
                                     for k in differing - deviations}
