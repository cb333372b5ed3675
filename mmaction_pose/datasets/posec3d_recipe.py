# Copyright (c) mmaction-pose. All rights reserved.
"""PoseConv3D configs for any skeleton layout: the custom-dataset recipe.

mmengine evaluates a base config before its leaf, so a base cannot derive
values from a leaf's variables: a leaf that changed only ``layout`` would
keep the base's flip pairs and input channels. So the dataset bases
``configs/_base_/datasets/custom_{keypoint,limb}[_device].py`` call
:func:`posec3d_data`, and every leaf of ``configs/posec3d/custom_*.py``
that names its own pickle calls :func:`posec3d_custom` (through
``__import__``; mmengine would treat an import statement as a lazy config)
with the annotation file, the number of classes and the layout; the flip
pairs (``left_kp``/``right_kp``, the limb flips), the limb pairs, the input
channels and the joint count (``num_joints``, read by the demos) all follow
from the layout.

The recipe (:data:`PENN_ACTION_RECIPE`) is the Penn Action PoseC3D recipe
(``configs/_base_/datasets/penn_action_{keypoint,limb}.py``; a test keeps
them equal); evidence-based defaults for other data come from validation
runs.
"""
from __future__ import annotations

from typing import Any

from mmaction_pose.structures.skeleton_layouts import get_layout
from .sequence_pipelines import sampling_steps

MODALITIES = ('keypoint', 'limb')

PENN_ACTION_RECIPE: dict[str, Any] = dict(
    modality='keypoint',
    clip_len=32,
    heatmap_size=32,
    sigma=0.6,
    num_test_clips=10,
    batch_size=16,
    num_workers=2,
    train_repeat=1,
    view_affine=None,
    camera_view=None,
    sampling='uniform',
    render_on_device=False)
"""The knobs of :func:`posec3d_data` and their Penn Action values
(``render_on_device``: the ``*_device.py`` twins' heatmaps rendered by
``PoseHeatmapPreprocessor`` on the model's device; ``view_affine``: the
arguments of a training-time ``RandomViewAffine`` of the joints, ``None``
for none; ``camera_view``: the arguments of a training-time
``RandomCameraView`` (new views from the pickle's ``keypoint_3d``; a
no-op on samples without 3D joints), ``None`` for none; ``sampling``:
``'uniform'`` = ``UniformSampleFrames`` + ``PoseDecode``,
``'interpolate'`` = ``InterpolateSampleFrames``)."""


def posec3d_pipelines(layout: str,
                      modality: str = 'keypoint',
                      clip_len: int = 32,
                      heatmap_size: int = 32,
                      sigma: float = 0.6,
                      num_test_clips: int = 10,
                      render_on_device: bool = False,
                      view_affine: dict | None = None,
                      sampling: str = 'uniform',
                      camera_view: dict | None = None
                      ) -> dict[str, list[dict]]:
    """Train / val / test pipelines of PoseC3D heatmaps for a layout.

    Args:
        layout: Skeleton layout name (flip pairs and limbs).
        modality: ``'keypoint'`` (one heatmap per joint) or ``'limb'`` (one
            per limb of the layout).
        clip_len: Frames per clip.
        heatmap_size: Side of the square heatmaps.
        sigma: Gaussian sigma of the heatmaps (pixels).
        num_test_clips: Clips per video at test (each also flipped).
        render_on_device: End with ``PackPoseKeypoints`` (the heatmap
            arguments, rendered by ``PoseHeatmapPreprocessor``) instead of
            ``GeneratePoseTarget``, ``FormatShape``, ``PackActionInputs``.
        view_affine: ``RandomViewAffine`` arguments (random rotation, axis
            scales and shear of the training clips' joints, a stand-in
            for unseen camera views), or ``None``.
        sampling: ``'uniform'``: one random frame per segment
            (``UniformSampleFrames`` + ``PoseDecode``, PoseC3D's);
            ``'interpolate'``: the whole video linearly resampled to
            ``clip_len`` positions (``InterpolateSampleFrames``;
            deterministic in training, spread phases at test).
        camera_view: ``RandomCameraView`` arguments (the training clips'
            3D joints turned and projected again, before sampling), or
            ``None``.

    Returns:
        ``dict(train_pipeline=..., val_pipeline=..., test_pipeline=...)``.
    """
    if modality not in MODALITIES:
        raise ValueError(f'modality must be one of {MODALITIES}, got '
                         f'{modality!r}')
    lay = get_layout(layout)
    flip = dict(left_kp=lay.left_kp, right_kp=lay.right_kp)
    target = dict(type='GeneratePoseTarget', sigma=sigma, use_score=True,
                  with_kp=modality == 'keypoint',
                  with_limb=modality == 'limb')
    if modality == 'limb':
        target['skeletons'] = [list(limb) for limb in lay.limbs]
    test_target = dict(target, double=True, **flip)
    if modality == 'limb':
        test_target.update(left_limb=lay.left_limb, right_limb=lay.right_limb)
    compact = dict(type='PoseCompact', hw_ratio=1., allow_imgpad=True)
    resize = dict(type='Resize', scale=(heatmap_size, heatmap_size),
                  keep_ratio=False)
    tail = [dict(type='FormatShape', input_format='NCTHW_Heatmap'),
            dict(type='PackActionInputs')]

    def test_steps(num_clips: int, step: dict) -> list[dict]:
        return [*sampling_steps(True, clip_len, num_clips, sampling),
                compact, resize, step, *tail]

    affine = [] if view_affine is None else [
        dict(type='RandomViewAffine', **view_affine)]
    camera = [] if camera_view is None else [
        dict(type='RandomCameraView', **camera_view)]
    train = [
        *camera, *sampling_steps(False, clip_len, sampling=sampling), *affine,
        compact,
        dict(type='Resize', scale=(-1, int(heatmap_size * 8 / 7))),
        dict(type='RandomResizedCrop', area_range=(0.56, 1.0)), resize,
        dict(type='Flip', flip_ratio=0.5, **flip), target, *tail
    ]
    out = dict(train_pipeline=train,
               val_pipeline=test_steps(1, target),
               test_pipeline=test_steps(num_test_clips, test_target))
    if render_on_device:
        out = {k: [*p[:-3], dict(p[-3], type='PackPoseKeypoints')]
               for k, p in out.items()}
    return out


def posec3d_data(recipe: dict,
                 ann_file: str,
                 num_classes: int,
                 layout: str,
                 train_split: str = 'train',
                 test_split: str = 'test',
                 val_split: str | None = None) -> dict[str, Any]:
    """The layout-dependent data part of a PoseC3D config, for ``globals()``
    of a dataset base.

    Args:
        recipe: :data:`PENN_ACTION_RECIPE`-like knobs (the config's
            ``recipe``; ``modality`` selects keypoint or limb heatmaps).
        ann_file: The PoseDataset pickle.
        num_classes: Number of classes (labels ``0 .. num_classes - 1``).
        layout: Skeleton layout name of the pickle's joints.
        train_split, test_split: Split names in the pickle.
        val_split: Split validated on during training (``None``: the test
            split, for monitoring only; e.g. ``'train_val'`` from
            ``tools/data/splits/make_splits.py``, then train on
            ``'train_rest'``).

    Returns:
        Config variables: ``ann_file``, ``num_classes``, ``layout``,
        ``num_joints``, ``left_kp``, ``right_kp``, ``heatmap_channels``
        (the model's input channels: joints or limbs), the three pipelines
        and the three dataloaders.
    """
    unknown = set(recipe) - set(PENN_ACTION_RECIPE)
    if unknown:
        raise KeyError(f'unknown recipe keys {sorted(unknown)}; known: '
                       f'{sorted(PENN_ACTION_RECIPE)}')
    knobs = dict(PENN_ACTION_RECIPE, **recipe)
    lay = get_layout(layout)
    pipelines = posec3d_pipelines(
        layout, knobs['modality'], knobs['clip_len'], knobs['heatmap_size'],
        knobs['sigma'], knobs['num_test_clips'], knobs['render_on_device'],
        knobs['view_affine'], knobs['sampling'], knobs['camera_view'])
    data = dict(type='PoseDataset', ann_file=ann_file)

    def loader(batch_size: int, shuffle: bool, dataset: dict) -> dict:
        return dict(batch_size=batch_size, num_workers=knobs['num_workers'],
                    persistent_workers=True,
                    sampler=dict(type='DefaultSampler', shuffle=shuffle),
                    dataset=dataset)

    return dict(
        ann_file=ann_file,
        num_classes=num_classes,
        layout=layout,
        num_joints=lay.num_joints,
        left_kp=lay.left_kp,
        right_kp=lay.right_kp,
        heatmap_channels=lay.num_joints
        if knobs['modality'] == 'keypoint' else lay.num_limbs,
        **pipelines,
        train_dataloader=loader(
            knobs['batch_size'], True,
            dict(type='RepeatDataset', times=knobs['train_repeat'],
                 dataset=dict(data, split=train_split,
                              pipeline=pipelines['train_pipeline']))),
        val_dataloader=loader(
            knobs['batch_size'], False,
            dict(data, split=val_split or test_split,
                 pipeline=pipelines['val_pipeline'], test_mode=True)),
        test_dataloader=loader(
            1, False,
            dict(data, split=test_split, pipeline=pipelines['test_pipeline'],
                 test_mode=True)))


def posec3d_custom(recipe: dict, ann_file: str, num_classes: int,
                   layout: str, **splits: str | None) -> dict[str, Any]:
    """Everything a leaf of ``configs/posec3d/custom_*.py`` changes for its
    own pickle, for ``globals()``: :func:`posec3d_data` (same arguments;
    ``splits``: ``train_split``, ``test_split``, ``val_split``) and the
    ``model`` overrides (backbone ``in_channels``, head ``num_classes``).
    """
    out = posec3d_data(recipe, ann_file, num_classes, layout, **splits)
    out['model'] = dict(
        backbone=dict(in_channels=out['heatmap_channels']),
        cls_head=dict(num_classes=num_classes))
    return out
