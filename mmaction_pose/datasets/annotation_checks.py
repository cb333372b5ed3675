# Copyright (c) mmaction-pose. All rights reserved.
"""Load-time checks of PoseDataset annotations (pure functions).

The policy (what is an error, what is repaired) is documented in one place,
``docs/data_validation.md``; every registered dataset class applies it
through :class:`~mmaction_pose.datasets.PoseDataset`. A field is checked
only when the pipeline needs it (:func:`pipeline_needs`), so an annotation
that mmaction2 accepts for a pipeline that never reads a field is accepted
here too. Every error is one :class:`AnnotationError` line naming the file,
the sample (``#index`` in the file, ``frame_dir``) and the field.
"""
from __future__ import annotations

import logging
import os.path as osp
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from numbers import Integral, Real
from typing import Any

import numpy as np
from mmengine.logging import print_log


class AnnotationError(ValueError):
    """A skeleton annotation file or one of its samples is invalid."""


#: Transforms that read ``keypoint`` (and ``keypoint_score``) when called;
#: ``PoseDecode``, ``Flip`` and ``UniformSampleFrames`` only use them when
#: present, so they do not make keypoints required.
KEYPOINT_READERS = frozenset({
    'GeneratePoseTarget', 'PoseCompact', 'MMCompact', 'PreNormalize2D',
    'PreNormalize3D', 'JointToBone', 'ToMotion', 'GenSkeFeat', 'PadTo',
    'DecompressPose', 'GeneratePartAffinityFields', 'PackPoseKeypoints',
    'RandomDropLimbKeypoint', 'SelectTargetJoints', 'GenerateRPANPoseTarget',
    'LayoutJointToBone', 'PoseMotionFeatures'
})
#: Transforms that read the optional person ``box`` / ``box_score``.
BOX_READERS = frozenset({'PersonBoxCrop'})
#: Transforms that sample frame indices from ``total_frames``.
FRAME_SAMPLERS = frozenset({
    'UniformSampleFrames', 'MMUniformSampleFrames', 'SampleFrames',
    'DenseSampleFrames', 'SampleAVAFrames', 'UntrimmedSampleFrames'
})
#: Transforms that read ``img_shape`` / that set it from decoded data
#: (``MMDecode`` reads it to rescale the keypoints to the decoded frames).
IMG_SHAPE_READERS = frozenset({
    'PoseCompact', 'MMCompact', 'GeneratePoseTarget',
    'GeneratePartAffinityFields', 'PackPoseKeypoints', 'Resize',
    'RandomResizedCrop', 'RandomCrop', 'CenterCrop', 'MultiScaleCrop',
    'ThreeCrop', 'TenCrop', 'Flip', 'MMDecode', 'MMDecodeFrames'
})
IMG_SHAPE_SETTERS = frozenset({
    'DecordDecode', 'OpenCVDecode', 'PyAVDecode', 'PIMSDecode',
    'RawFrameDecode', 'LoadPoseFeatureMaps'
})


def where(ann_file: str, idx: int | None, anno: Any = None) -> str:
    """``annotation file 'x.pkl', sample #3 (frame_dir='v3')``."""
    if idx is None:
        return f'annotation file {ann_file!r}'
    name = None
    if isinstance(anno, Mapping):
        name = anno.get('frame_dir', anno.get('filename'))
    return (f'annotation file {ann_file!r}, sample #{idx}' +
            (f' (frame_dir={name!r})' if name is not None else ''))


def _steps(pipeline: Any) -> list:
    return list(getattr(pipeline, 'transforms', pipeline) or [])


def pipeline_needs(pipeline: Any) -> frozenset[str]:
    """The annotation fields a (Compose) pipeline reads: a subset of
    ``{'keypoint', 'total_frames', 'img_shape', 'box'}`` (``box``: checked
    when present). ``img_shape`` is needed when a step reads it before any
    step sets it from decoded data."""
    names = [type(step).__name__ for step in _steps(pipeline)]
    needs = set()
    if BOX_READERS.intersection(names):
        needs.add('box')
    if KEYPOINT_READERS.intersection(names):
        needs.add('keypoint')
    if FRAME_SAMPLERS.intersection(names):
        needs.add('total_frames')
    for name in names:
        if name in IMG_SHAPE_SETTERS:
            break
        if name in IMG_SHAPE_READERS:
            needs.add('img_shape')
            break
    return frozenset(needs)


@dataclass(frozen=True)
class JointRequirement:
    """What the pipeline says about ``V``.

    Args:
        minimum: Smallest ``V`` its joint indices allow (0: no constraint).
        source: The step with the largest joint index (for messages).
        exact: ``V`` of the skeleton layout a step is built for, if any.
        layout: That step (for messages).
    """

    minimum: int = 0
    source: str = ''
    exact: int | None = None
    layout: str = ''


def _max_index(*index_lists: Any) -> int:
    try:
        values = [
            int(i) for lst in index_lists if lst is not None
            for i in np.asarray(lst).ravel()
        ]
    except (TypeError, ValueError):  # not joint indices
        return 0
    return max(values) + 1 if values else 0


def pipeline_joint_requirement(pipeline: Any) -> JointRequirement:
    """Joint count constraints of the pipeline's steps: flip index lists
    (``Flip``, ``GeneratePoseTarget(double=True)``), limb joint pairs
    (``with_limb=True``), drop candidates, and skeleton layouts
    (``GeneratePartAffinityFields(layout=...)``)."""
    minimum, source, exact, layout_step = 0, '', None, ''
    for step in _steps(pipeline):
        target = getattr(step, 'target', step)  # PackPoseKeypoints
        name = type(target).__name__
        if name == 'GeneratePoseTarget':
            bound = max(
                _max_index(target.left_kp, target.right_kp)
                if target.double else 0,
                _max_index(target.skeletons) if target.with_limb else 0)
        else:
            bound = _max_index(getattr(target, 'left_kp', None),
                               getattr(target, 'right_kp', None),
                               getattr(target, 'candidates', None))
        if bound > minimum:
            minimum, source = bound, name
        layout = getattr(target, '_layout', None)
        if exact is None and hasattr(layout, 'num_joints'):
            exact = layout.num_joints
            layout_step = f'{name}(layout={layout.name!r})'
    return JointRequirement(minimum, source, exact, layout_step)


#: Heatmap-based estimators (HRNet, mmaction2's pickles) report the
#: heatmap maximum as the score, which overshoots [0, 1] a little; such
#: scores are clipped, scores further out than this are an error.
SCORE_SLACK = 0.5


@dataclass
class Repairs:
    """What :func:`check_sample` repaired or noted, summed over a file."""

    missing_joints: int = 0
    samples_with_missing: int = 0
    clipped_scores: int = 0
    no_person: int = 0
    cast_to_float: int = 0
    first: str = ''

    def add(self, other: Repairs) -> None:
        self.first = self.first or other.first
        for name in ('missing_joints', 'samples_with_missing',
                     'clipped_scores', 'no_person', 'cast_to_float'):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def any(self) -> bool:
        return bool(self.missing_joints or self.clipped_scores
                    or self.no_person or self.cast_to_float)

    def summary(self, ann_file: str) -> str | None:
        """One line for the log, ``None`` when nothing was repaired."""
        parts = []
        if self.missing_joints:
            parts.append(
                f'{self.missing_joints} joint(s) in '
                f'{self.samples_with_missing} sample(s) have NaN '
                'coordinates or scores and are treated as missing (0, 0) '
                'with score 0')
        if self.clipped_scores:
            parts.append(f'{self.clipped_scores} score(s) slightly outside '
                         '[0, 1] were clipped to it')
        if self.no_person:
            parts.append(f'{self.no_person} sample(s) have no person (M=0) '
                         'and give empty heatmaps')
        if self.cast_to_float:
            parts.append(f'{self.cast_to_float} sample(s) with integer '
                         'keypoints or scores were converted to float32')
        if not parts:
            return None
        return (f'annotation file {ann_file!r}: ' + '; '.join(parts) +
                f' (first: {self.first}); see docs/data_validation.md')


def _is_int(value: Any) -> bool:
    return isinstance(value,
                      Integral) and not isinstance(value, (bool, np.bool_))


def _numeric_array(value: Any, fail: Callable[[str], None],
                   shape_hint: str) -> np.ndarray:
    if not isinstance(value, np.ndarray):
        fail(f'must be a numpy array {shape_hint}, got '
             f'{type(value).__name__}')
    if value.dtype == np.bool_ or not (np.issubdtype(value.dtype, np.floating)
                                       or np.issubdtype(
                                           value.dtype, np.integer)):
        fail(f'must hold real numbers, got dtype {value.dtype}')
    return value


def _first_bad(mask: np.ndarray) -> str:
    pos = tuple(int(i) for i in np.argwhere(mask)[0])
    names = ('person', 'frame', 'joint', 'channel')
    return ', '.join(f'{n} {i}' for n, i in zip(names, pos))


def _check_label(label: Any, multi_class: bool, num_classes: int | None,
                 fail: Callable[[str], None]) -> None:
    if multi_class:
        if isinstance(label, str) or not isinstance(label,
                                                    (Sequence, np.ndarray)):
            fail(f'must be a list of class ids, got {label!r}')
        values = list(np.asarray(label).ravel())
        if not all(_is_int(v) and v >= 0 for v in values):
            fail(f'must be a list of non-negative ints, got {label!r}')
        if num_classes is not None and values and max(values) >= num_classes:
            fail(f'has class {max(values)}, but num_classes={num_classes}')
        return
    if not _is_int(label) or label < 0:
        fail(f'must be a non-negative int, got {label!r}')
    if num_classes is not None and label >= num_classes:
        fail(f'is {label}, but num_classes={num_classes} (labels are '
             f'0..{num_classes - 1})')


def _check_shape(value: Any, fail: Callable[[str], None]) -> None:
    ok = isinstance(value, (tuple, list, np.ndarray)) and len(value) == 2 \
        and all(isinstance(v, Real) and not isinstance(v, (bool, np.bool_))
                and np.isfinite(v) and v > 0 for v in value)
    if not ok:
        fail(f'must be (H, W) with two positive numbers, got {value!r}')


def _check_box(anno: dict, total: Any, fail: Callable[[str], None],
               fail_score: Callable[[str], None]) -> None:
    box = _numeric_array(anno.get('box'), fail, '(4,) or (M, T, 4)')
    if box.shape != (4, ) and (box.ndim != 3 or box.shape[-1] != 4):
        fail(f'must be one (4,) box or (M, T, 4) boxes, got shape '
             f'{box.shape}')
    if box.ndim == 3 and _is_int(total) and box.shape[1] != total:
        fail(f'has {box.shape[1]} frames but total_frames={total}')
    if np.isinf(box).any() or (box.shape == (4, ) and not (
            box[2] > box[0] and box[3] > box[1])):
        fail(f'must hold finite [x1, y1, x2, y2] with x2 > x1 and y2 > y1, '
             f'got {box.tolist() if box.ndim == 1 else "infinite values"}')
    if 'box_score' in anno:
        score = _numeric_array(anno['box_score'], fail_score, '(M, T)')
        if score.shape != box.shape[:-1]:
            fail_score(f'must have shape {box.shape[:-1]}, got '
                       f'{score.shape}')


def _check_pose(anno: dict, total: Any, fail_kp: Callable[[str], None],
                fail_score: Callable[[str], None], repairs: Repairs) -> None:
    kp = _numeric_array(anno['keypoint'], fail_kp, '(M, T, V, 2|3)')
    if kp.ndim != 4 or kp.shape[-1] not in (2, 3):
        fail_kp(f'must be an (M, T, V, 2|3) array, got shape {kp.shape}')
    if 0 in kp.shape[1:3]:
        fail_kp(f'is empty (shape {kp.shape}: no frame or joint)')
    if kp.shape[0] == 0:
        repairs.no_person += 1
    if _is_int(total) and kp.shape[1] != total:
        fail_kp(f'has {kp.shape[1]} frames but total_frames={total}')
    score = anno.get('keypoint_score')
    if score is not None or 'keypoint_score' in anno:
        score = _numeric_array(score, fail_score, '(M, T, V)')
        if score.shape != kp.shape[:3]:
            fail_score(f'must have shape {kp.shape[:3]} (M, T, V), got '
                       f'{score.shape}')
    cast = False
    if np.issubdtype(kp.dtype, np.integer):
        kp, cast = kp.astype(np.float32), True
    if score is not None and np.issubdtype(score.dtype, np.integer):
        score, cast = score.astype(np.float32), True
    if np.isinf(kp).any():
        fail_kp(f'has {int(np.isinf(kp).sum())} infinite value(s) (first '
                f'at {_first_bad(np.isinf(kp))}); mark a missing joint with '
                'NaN or (0, 0) and score 0')
    if score is not None:
        if np.isinf(score).any():
            fail_score(f'has {int(np.isinf(score).sum())} infinite '
                       f'value(s) (first at {_first_bad(np.isinf(score))})')
        far = (score < -SCORE_SLACK) | (score > 1 + SCORE_SLACK)
        if far.any():  # NaN compares False
            fail_score(f'must be in [0, 1], got {int(far.sum())} value(s) '
                       f'in [{np.nanmin(score):.4g}, {np.nanmax(score):.4g}]'
                       f' (first at {_first_bad(far)}); rescale them')
        outside = (score < 0) | (score > 1)
        if outside.any():
            score = np.clip(score, 0, 1)
            repairs.clipped_scores += int(outside.sum())
    missing = np.isnan(kp).any(-1)
    if score is not None:
        missing |= np.isnan(score)
    if missing.any():
        kp = np.where(missing[..., None], 0, kp).astype(kp.dtype)
        if score is not None:
            score = np.where(missing, 0, score).astype(score.dtype)
        repairs.missing_joints += int(missing.sum())
        repairs.samples_with_missing += 1
    if cast:
        repairs.cast_to_float += 1
    anno['keypoint'] = kp
    if score is not None:
        anno['keypoint_score'] = score


def check_sample(anno: Any,
                 idx: int,
                 ann_file: str,
                 needs: frozenset[str] = frozenset(
                     {'keypoint', 'total_frames'}),
                 multi_class: bool = False,
                 num_classes: int | None = None) -> Repairs:
    """Check one sample, repairing NaN joints in place.

    Always required: ``frame_dir`` (or ``filename``), a non-empty str, and
    ``label``. The fields in ``needs`` (:func:`pipeline_needs`) are
    checked too: ``total_frames`` (positive int), ``img_shape`` (``(H, W)``)
    and ``keypoint`` ``(M, T, V, 2|3)`` with ``T == total_frames`` plus
    ``keypoint_score`` ``(M, T, V)`` in [0, 1] when present (within
    :data:`SCORE_SLACK`: clipped); finite values, except NaN, which marks
    a missing joint (set to (0, 0), score 0). ``M = 0`` (nobody) is kept.

    Raises:
        AnnotationError: naming the file, the sample and the field.
    """

    def failer(name: str) -> Callable[[str], None]:

        def fail(problem: str) -> None:
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field {name!r} {problem}')

        return fail

    if not isinstance(anno, Mapping):
        raise AnnotationError(f'{where(ann_file, idx)}: expected a dict, '
                              f'got {type(anno).__name__}')
    ids = [k for k in ('frame_dir', 'filename') if k in anno]
    if not ids:
        failer('frame_dir')('is missing (nor is there a `filename`)')
    for key in ids:
        if not isinstance(anno[key], str) or not anno[key]:
            failer(key)(f'must be a non-empty str, got {anno[key]!r}')
    required = ['label'] + [
        f for f in ('total_frames', 'img_shape', 'keypoint') if f in needs
    ]
    for name in required:
        if name not in anno:
            failer(name)('is missing')
    _check_label(anno['label'], multi_class, num_classes, failer('label'))
    if not multi_class and not isinstance(anno['label'], int):
        anno['label'] = int(anno['label'])  # numpy ints break packing
    total = anno.get('total_frames')
    if 'total_frames' in needs and (not _is_int(total) or total <= 0):
        failer('total_frames')(f'must be a positive int, got {total!r}')
    if 'img_shape' in needs:
        _check_shape(anno['img_shape'], failer('img_shape'))
    if 'box' in needs and ('box' in anno or 'box_score' in anno):
        _check_box(anno, total, failer('box'), failer('box_score'))
    return check_pose(anno, idx, ann_file) if 'keypoint' in needs \
        else Repairs()


def check_pose(anno: dict, idx: int, ann_file: str) -> Repairs:
    """The ``keypoint`` / ``keypoint_score`` part of :func:`check_sample`
    (also for skeletons loaded from per-video files)."""

    def failer(name: str) -> Callable[[str], None]:

        def fail(problem: str) -> None:
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field {name!r} {problem}')

        return fail

    if 'keypoint' not in anno:
        failer('keypoint')('is missing')
    repairs = Repairs()
    _check_pose(anno, anno.get('total_frames'), failer('keypoint'),
                failer('keypoint_score'), repairs)
    if repairs.any():
        repairs.first = where(ann_file, idx, anno)
    return repairs


def check_joint_counts(annos: Sequence[tuple[int, dict]], ann_file: str,
                       requirement: JointRequirement) -> None:
    """One ``V`` per dataset, and the one the pipeline's layout needs.

    Args:
        annos: ``(index in the file, sample)`` of checked samples.

    Raises:
        AnnotationError: the first sample whose ``V`` differs from the
            layout's (or, without one, from the dataset's majority), or
            is too small for the pipeline's joint indices.
    """
    counts = Counter(a['keypoint'].shape[2] for _, a in annos)
    if not counts:
        return
    common, n = counts.most_common(1)[0]
    expected = requirement.exact or common
    for idx, anno in annos:
        v = anno['keypoint'].shape[2]
        if v != expected:
            why = (f'{requirement.layout} needs {expected}'
                   if requirement.exact else
                   f'{n} of {len(annos)} samples have {common}; one '
                   'skeleton layout per dataset')
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field \'keypoint\' has {v} '
                f'joints (V), but {why}')
        if v < requirement.minimum:
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field \'keypoint\' has {v} '
                f'joints (V), but the pipeline\'s {requirement.source} uses '
                f'joint index {requirement.minimum - 1}')


def split_annotations(data: Any,
                      split: str | None,
                      ann_file: str,
                      missing_split_ids: str = 'error') -> tuple[list, list]:
    """The file's samples and the indices ``split`` selects (all if None).

    Selection is mmaction2's (by ``filename`` if the first sample has one,
    else ``frame_dir``, in file order); ids must be unique, and an id of
    the split list without an annotation is an error (``'error'``) or a
    logged warning (``'warn'``).

    Raises:
        AnnotationError: wrong file structure, unknown or empty split, a
            sample without the identifier, duplicate or missing ids.
    """
    if split is not None:
        if not isinstance(data, Mapping) or 'split' not in data \
                or 'annotations' not in data:
            raise AnnotationError(
                f'annotation file {ann_file!r}: `split={split!r}` needs a '
                "dict with 'split' and 'annotations' keys, got "
                f'{type(data).__name__}{_keys(data)}')
        if not isinstance(data['split'], Mapping):
            raise AnnotationError(
                f"annotation file {ann_file!r}: 'split' must be a dict of "
                f"id lists, got {type(data['split']).__name__}")
        if split not in data['split']:
            raise AnnotationError(
                f'annotation file {ann_file!r}: unknown split {split!r}; '
                f"available: {sorted(map(str, data['split']))}")
        annos = data['annotations']
    elif isinstance(data, Mapping) and 'annotations' in data:
        annos = data['annotations']
    else:
        annos = data
    if not isinstance(annos, Sequence) or isinstance(annos, (str, bytes)):
        raise AnnotationError(
            f'annotation file {ann_file!r}: expected a list of samples, got '
            f'{type(annos).__name__}')
    key = 'filename' if annos and isinstance(annos[0], Mapping) and \
        'filename' in annos[0] else 'frame_dir'
    if split is None:
        selected = list(range(len(annos)))
        _check_unique(annos, selected, key, ann_file)
    else:
        selected = _select(annos, data['split'][split], split, key, ann_file,
                           missing_split_ids)
    return list(annos), selected


def _check_unique(annos: Sequence, selected: list[int], key: str,
                  ann_file: str) -> None:
    seen: dict = {}
    for idx in selected:
        anno = annos[idx]
        name = anno.get(key) if isinstance(anno, Mapping) else None
        if not isinstance(name, str):
            continue  # reported by check_sample
        if name in seen:
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field {key!r} repeats '
                f'sample #{seen[name]} (ids must be unique)')
        seen[name] = idx


def _keys(data: Any) -> str:
    return f' with keys {sorted(data)}' if isinstance(data, Mapping) else ''


def _select(annos: Sequence, ids: Any, split: str, key: str, ann_file: str,
            missing_split_ids: str) -> list[int]:
    if isinstance(ids, (str, bytes)) or not isinstance(
            ids, (Sequence, set, frozenset, np.ndarray)):
        raise AnnotationError(
            f'annotation file {ann_file!r}: split {split!r} must be a list '
            f'of sample ids, got {type(ids).__name__}')
    if not len(ids):
        raise AnnotationError(
            f'annotation file {ann_file!r}: split {split!r} is empty')
    try:
        keep, found, selected = set(ids), set(), []
    except TypeError as err:
        raise AnnotationError(
            f'annotation file {ann_file!r}: split {split!r} must be a list '
            f'of sample ids (str): {err}') from err
    for idx, anno in enumerate(annos):
        if not isinstance(anno, Mapping):
            raise AnnotationError(f'{where(ann_file, idx)}: expected a dict, '
                                  f'got {type(anno).__name__}')
        if key not in anno:
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field {key!r} is missing '
                '(the split selects samples by it)')
        name = anno[key]
        if not isinstance(name, str) or not name:
            raise AnnotationError(
                f'{where(ann_file, idx, anno)}: field {key!r} must be a '
                f'non-empty str, got {name!r}')
        if name in keep:
            found.add(name)
            selected.append(idx)
    _check_unique(annos, selected, key, ann_file)
    missing = [i for i in ids if i not in found]
    if missing:
        msg = (f'annotation file {ann_file!r}: {len(missing)} id(s) of split '
               f'{split!r} have no annotation, e.g. {list(missing[:3])}')
        if missing_split_ids == 'error':
            raise AnnotationError(
                msg + " (pass missing_split_ids='warn' to skip them)")
        print_log(msg + '; they are skipped',
                  logger='current',
                  level=logging.WARNING)
    return selected


def check_feature_files(items: Sequence[tuple[int, dict]], pipeline: Any,
                        mode: str, ann_file: str) -> None:
    """Check the ``.npy`` file each ``LoadPoseFeatureMaps`` step will read.

    ``mode`` as the dataset's ``video_check``: ``'none'``, ``'exists'``, or
    ``'frames'`` (the file opens as a ``(F, C, H, W)`` array with F >= 1).

    Raises:
        FileNotFoundError, OSError: the first bad file, naming the sample.
    """
    steps = [
        s for s in _steps(pipeline)
        if type(s).__name__ == 'LoadPoseFeatureMaps'
    ]
    if mode == 'none' or not steps:
        return
    for step in steps:
        for idx, item in items:
            name = osp.basename(str(item.get('frame_dir', '')))
            path = osp.join(step.data_prefix,
                            step.file_tmpl.format(frame_dir=name))
            if not osp.isfile(path):
                raise FileNotFoundError(
                    f'{where(ann_file, idx, item)}: feature file {path!r} '
                    'does not exist (tools/data/pa3d/extract_pose_features.py '
                    'writes them)')
            if mode == 'exists':
                continue
            try:
                maps = np.load(path, mmap_mode='r')
                ok = maps.ndim == 4 and len(maps) > 0
            except (ValueError, OSError, EOFError) as err:
                raise OSError(f'{where(ann_file, idx, item)}: feature file '
                              f'{path!r} cannot be read: {err}') from err
            if not ok:
                raise OSError(
                    f'{where(ann_file, idx, item)}: feature file {path!r} '
                    f'must hold (F, C, H, W) maps, got shape {maps.shape}')
