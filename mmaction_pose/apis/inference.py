# Copyright (c) mmaction-pose. All rights reserved.
"""Skeleton (and RGB + skeleton) action recognition on tracked poses,
offline or on a sliding window.

:class:`SkeletonRecognizer` wraps mmaction2's ``init_recognizer`` and the
config's ``test_pipeline`` (built in the ``mmaction_pose`` scope, after
mmdet/mmpose may have switched the global one), converts the backends'
COCO-17 keypoints to the joints the model was trained on (COCO-17, or
Penn-13 through ``COCO17_TO_PENN13``) and returns class scores. Models
that also take RGB frames get the frames given to
:meth:`SkeletonRecognizer.predict`:

- RGB + pose models (RGBPoseConv3D: the pipeline samples ``'RGB'`` frames
  with ``MMUniformSampleFrames``) through ``MMDecodeFrames``; their
  per-pathway scores are fused 1:1, as ``acc/RGBPose_1:1`` is;
- TSN-style frame models (RPAN: ``SampleFrames`` + ``DecordDecode`` or
  ``RawFrameDecode``) through ``DecordDecodeFrames``. They need no poses at
  test time, so they classify clips without a person too; the pipeline's
  pose steps (``PoseDecode``, ``GenerateRPANPoseTarget``) then see zero
  people. RPAN's pose attention maps are kept
  (:attr:`SkeletonRecognizer.last_attention`), on onnxruntime too (the
  ``attention`` output of an exported RPAN).
"""
from __future__ import annotations

import copy
import glob
import json
import os.path as osp
from pathlib import Path
from typing import Any

import numpy as np

from mmaction_pose.structures.skeleton_layouts import (COCO17,
                                                       COCO17_TO_PENN13,
                                                       LAYOUTS, PENN13,
                                                       SkeletonLayout,
                                                       convert_keypoints)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CONFIG = REPO_ROOT / 'configs' / 'posec3d' / 'penn_action_keypoint.py'
DEFAULT_CHECKPOINT_DIR = REPO_ROOT / 'configs' / 'posec3d' / 'penn_action'

# Joint conversions from the backends' COCO-17 output.
_FROM_COCO17: dict[str, tuple[int, ...] | None] = {
    COCO17.name: None,
    PENN13.name: COCO17_TO_PENN13,
}


BACKENDS = ('torch', 'onnxruntime')


def _num_classes(cfg: Any) -> int:
    """The classes of a model config (one head, or PA3D's streams)."""
    model = cfg.model
    if 'cls_head' in model:
        return int(model.cls_head.num_classes)
    return int(next(iter(model.streams.values()))['cls_head']['num_classes'])


def _short(path: Path) -> str:
    try:
        return str(path.relative_to(REPO_ROOT))
    except ValueError:
        return str(path)


def find_default_model() -> tuple[str, str]:
    """The default demo model: the Penn Action PoseC3D keypoint config and
    its committed checkpoint
    (``configs/posec3d/penn_action/penn_action_keypoint_*.pth``, the newest
    if several).

    Raises:
        FileNotFoundError: with instructions, when either is missing.
    """
    ckpts = sorted(glob.glob(str(DEFAULT_CHECKPOINT_DIR /
                                 f'{DEFAULT_CONFIG.stem}_*.pth')),
                   key=osp.getmtime)
    if not DEFAULT_CONFIG.is_file() or not ckpts:
        missing = (
            _short(DEFAULT_CONFIG) if not DEFAULT_CONFIG.is_file() else
            f'a checkpoint under {_short(DEFAULT_CHECKPOINT_DIR)}/')
        raise FileNotFoundError(
            f'the default Penn Action model is not available ({missing} is '
            'missing); pass --config CONFIG --checkpoint CHECKPOINT, e.g. '
            'configs/posec3d/synthetic_keypoint.py with the best_*.pth of '
            '`make demo` (work_dirs/quickstart/)')
    return str(DEFAULT_CONFIG), ckpts[-1]


def load_label_map(path: str) -> list[str]:
    """One class name per line (line i = class i)."""
    with open(path) as f:
        return [line.strip() for line in f if line.strip()]


def _find_label_map(cfg: Any, checkpoint: str | None) -> str | None:
    candidates = []
    if checkpoint and '://' not in checkpoint:
        candidates.append(osp.join(osp.dirname(checkpoint), 'label_map.txt'))
    ann_file = cfg.get('ann_file')
    if isinstance(ann_file, str):
        for base in ('', str(REPO_ROOT)):
            candidates.append(
                osp.join(base, osp.dirname(ann_file), 'label_map.txt'))
    return next((c for c in candidates if osp.isfile(c)), None)


def model_layout(cfg: Any) -> SkeletonLayout:
    """The skeleton layout a config was trained on, from its
    ``num_joints`` (set by ``configs/_base_/skeletons/*.py``) or, failing
    that, the backbone's input channels of a keypoint-heatmap model."""
    num = cfg.get('num_joints')
    if num is None:
        num = cfg.model.get('backbone', {}).get('in_channels', 17)
    matches = [lay for lay in LAYOUTS.values() if lay.num_joints == num]
    if len(matches) != 1:
        raise ValueError(f'cannot tell the skeleton layout of a model with '
                         f'{num} joints')
    return matches[0]


# A TSN-style frame pipeline: an init step that opens the video file
# (dropped for frames in memory) and the step that decodes the sampled
# ``frame_inds`` (replaced by ``DecordDecodeFrames``).
_FRAME_INIT_STEPS = ('DecordInit', )
_FRAME_DECODE_STEPS = ('DecordDecode', 'RawFrameDecode')


def pipeline_decodes_frames(pipeline: list) -> bool:
    """Whether a test pipeline decodes sampled RGB frames TSN-style
    (``SampleFrames`` + ``DecordDecode`` / ``RawFrameDecode``: RPAN)."""
    from mmaction_pose.deployment.keypoint_maps import step_type
    return any(step_type(step) in _FRAME_DECODE_STEPS for step in pipeline)


def pipeline_uses_rgb(pipeline: list) -> bool:
    """Whether a test pipeline takes RGB frames: an RGB + pose model
    (``MMUniformSampleFrames`` with ``'RGB'`` clips) or a TSN-style frame
    model (:func:`pipeline_decodes_frames`)."""
    return pipeline_decodes_frames(pipeline) or any(
        step['type'].endswith('MMUniformSampleFrames') and
        'RGB' in step.get('clip_len', {}) for step in pipeline)


def _pack_meta_keys(step: dict, extra: tuple[str, ...]) -> tuple[str, ...]:
    """A ``PackActionInputs`` step's ``meta_keys`` plus ``extra``."""
    import inspect

    from mmaction.datasets.transforms import PackActionInputs
    keys = step.get('meta_keys', inspect.signature(
        PackActionInputs).parameters['meta_keys'].default)
    return tuple(keys) + tuple(k for k in extra if k not in keys)


def _adapt_pipeline(pipeline: list, num_clips: int | None,
                    double: bool | None, frames_in_memory: bool = True
                    ) -> list:
    from mmaction_pose.deployment.keypoint_maps import MAP_STEPS, step_type
    decodes_frames = pipeline_decodes_frames(pipeline)
    pipeline = copy.deepcopy(pipeline)
    if frames_in_memory:
        pipeline = [s for s in pipeline
                    if step_type(s) not in _FRAME_INIT_STEPS]
    for i, step in enumerate(pipeline):
        if frames_in_memory and step_type(step) == 'MMDecode':
            pipeline[i] = step = dict(type='MMDecodeFrames')
        if frames_in_memory and step_type(step) in _FRAME_DECODE_STEPS:
            pipeline[i] = step = dict(type='DecordDecodeFrames')
        if decodes_frames and step_type(step) == 'PackActionInputs':
            # the sampled frames, for drawing per-step outputs on the video
            step['meta_keys'] = _pack_meta_keys(step, ('frame_inds', ))
        if num_clips is not None and step['type'].endswith(
                'UniformSampleFrames'):
            step['num_clips'] = num_clips
            step['test_mode'] = True
        if double is not None and step_type(step) in MAP_STEPS:
            step['double'] = double
    return pipeline


class SkeletonRecognizer:
    """A PoseC3D-style skeleton model (or an RGB + pose or RPAN model),
    ready for inference.

    Args:
        config: Config path or :class:`mmengine.Config`.
        checkpoint: Path or URL (None: random weights, for tests).
        device: torch device.
        label_map: Class names file; default: ``label_map.txt`` next to
            the checkpoint, else next to the config's ``ann_file``, else
            ``class_<i>``.
        num_clips: Override the test pipeline's clip count (1 is fastest:
            the real-time demo uses it).
        double: Override ``GeneratePoseTarget.double`` (the flip test).
        backend: ``'torch'``, or ``'onnxruntime'`` to run ``onnx`` (a model
            from ``tools/deployment/export_onnx.py``; ``config`` may then be
            None: the one stored in the file is used; no checkpoint).
        onnx: The ``.onnx`` file of the onnxruntime backend.
        num_threads: onnxruntime intra-op threads.
        check_layout: Require joints convertible from the pose backends'
            COCO-17 (the demos); ``False`` for export and dataset samples.
        frames_in_memory: RGB frames come with each call (``predict(...,
            frames=)``); ``False`` keeps the config's video decoding, for
            dataset samples.
    """

    def __init__(self, config: Any, checkpoint: str | None,
                 device: str = 'cpu', label_map: str | None = None,
                 num_clips: int | None = None,
                 double: bool | None = None, backend: str = 'torch',
                 onnx: str | None = None, num_threads: int | None = None,
                 check_layout: bool = True,
                 frames_in_memory: bool = True) -> None:
        from mmengine.config import Config
        from mmengine.dataset import Compose
        from mmengine.registry import DefaultScope, init_default_scope

        from mmaction.apis import init_recognizer
        if backend not in BACKENDS:
            raise ValueError(f'backend must be one of {BACKENDS}, got '
                             f'{backend!r}')
        self.backend = backend
        if backend == 'onnxruntime':
            if not onnx:
                raise ValueError('the onnxruntime backend needs an ONNX '
                                 'model (--onnx MODEL.onnx)')
            from mmaction_pose.deployment.runtime import config_from_onnx
            config = config if config is not None else config_from_onnx(onnx)
            checkpoint = None
        if not isinstance(config, Config):
            if not osp.isfile(str(config)):
                raise FileNotFoundError(f'config not found: {config}')
            config = Config.fromfile(str(config))
        if checkpoint is not None and '://' not in checkpoint and \
                not osp.isfile(checkpoint):
            raise FileNotFoundError(f'checkpoint not found: {checkpoint}')
        init_default_scope('mmaction_pose')
        scope = config.get('default_scope', 'mmaction_pose')
        pipeline = config.get('test_pipeline') or \
            config.test_dataloader.dataset.pipeline
        #: The adapted test pipeline's step configs.
        self.pipeline_cfg = _adapt_pipeline(pipeline, num_clips, double,
                                            frames_in_memory)
        #: The model also takes RGB frames (``predict(..., frames=...)``).
        self.uses_rgb = pipeline_uses_rgb(pipeline)
        #: The model needs poses at test time (False for TSN-style frame
        #: models such as RPAN: they classify clips without a person).
        self.needs_poses = not pipeline_decodes_frames(pipeline)
        #: The last :meth:`predict`'s pose attention ``(T, J, K1, K2)``
        #: (a softmax over the ``K1 x K2`` grid per step and joint), the
        #: video frame of each step ``(T,)``, and each map's argmax ``(T,
        #: J, 2)`` ``(x, y)`` in pixels of the given frames (of the network
        #: input without ``frames``); None unless the model predicts
        #: attention (:attr:`predicts_attention`).
        self.last_attention: np.ndarray | None = None
        self.last_frame_inds: np.ndarray | None = None
        self.last_attention_keypoints: np.ndarray | None = None
        self.model = self.session = None
        with DefaultScope.overwrite_default_scope(scope):
            self.pipeline = Compose(self.pipeline_cfg)
            if backend == 'torch':
                self.model = init_recognizer(config, checkpoint,
                                             device=device)
            else:
                from mmaction_pose.deployment.runtime import OnnxSession
                self.session = OnnxSession(onnx, self.pipeline_cfg,
                                           self.uses_rgb, num_threads)
        self.cfg = config
        #: The model predicts per-joint pose attention maps (RPAN; the
        #: ``attention`` output of an exported one).
        self.predicts_attention = _predicts_attention(self.model) or (
            self.session is not None and
            'attention' in self.session.output_names)
        self.layout = model_layout(config)
        if check_layout and self.layout.name not in _FROM_COCO17:
            raise ValueError(
                f'the model uses {self.layout.name} joints; the pose '
                f'backends give COCO-17, convertible only to '
                f'{sorted(_FROM_COCO17)}')
        self.joint_index = _FROM_COCO17.get(self.layout.name)
        num_classes = _num_classes(config)
        label_map = label_map or _find_label_map(config, checkpoint or onnx)
        names = load_label_map(label_map) if label_map else []
        if not names and self.session is not None:
            names = json.loads(self.session.meta.get('classes', '[]'))
        if names and len(names) != num_classes:
            raise ValueError(f'{label_map} has {len(names)} classes, the '
                             f'model {num_classes}')
        self.classes = names or [f'class_{i}' for i in range(num_classes)]

    def convert(self, keypoint: np.ndarray, keypoint_score: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
        """COCO-17 ``(M, T, 17, 2)`` / ``(M, T, 17)`` → the model's joints."""
        if self.joint_index is None:
            return keypoint, keypoint_score
        return (convert_keypoints(keypoint, self.joint_index),
                convert_keypoints(keypoint_score, self.joint_index, axis=-1))

    def predict(self, keypoint: np.ndarray | None,
                keypoint_score: np.ndarray | None,
                img_shape: tuple[int, int],
                frames: Any = None) -> np.ndarray | None:
        """Class scores ``(K,)`` of one clip of COCO-17 poses.

        Args:
            keypoint: ``(M, T, 17, 2)`` pixels of ``img_shape`` (zeros:
                absent). None (no person) only for models that do not
                need poses (:attr:`needs_poses`).
            keypoint_score: ``(M, T, 17)``, None with ``keypoint``.
            img_shape: ``(h, w)`` the keypoints refer to.
            frames: RGB models only (:attr:`uses_rgb`): the clip's ``T``
                frames, ``(H, W, 3)`` uint8 **RGB** each (any size: for
                RGB + pose models the keypoints are rescaled to it, as
                ``MMDecode`` does; TSN-style pipelines, RPAN's, take the
                keypoints as they are).

        Returns:
            Scores (probabilities for ``average_clips='prob'`` heads; the
            1:1 mean of the RGB and pose scores for RGB + pose models), or
            None when there is no person in the clip and the model needs
            poses. Models with pose attention also set
            :attr:`last_attention`, :attr:`last_frame_inds` and
            :attr:`last_attention_keypoints`.

        Raises:
            ValueError: an RGB model without ``frames``, a frame count that
                differs from the poses', or no poses for a model that needs
                them.
        """
        import torch
        from mmengine.dataset import pseudo_collate
        self.last_attention = self.last_frame_inds = None
        self.last_attention_keypoints = None
        if self.uses_rgb and frames is None:
            raise ValueError('this model takes RGB frames' +
                             (' and poses' if self.needs_poses else '') +
                             ': pass frames=')
        if keypoint is None:
            if self.needs_poses:
                raise ValueError('this model needs poses: pass keypoint= '
                                 'and keypoint_score=')
            keypoint = np.zeros((0, len(frames), 17, 2), np.float32)
            keypoint_score = np.zeros(keypoint.shape[:-1], np.float32)
        if self.uses_rgb:
            if len(frames) != keypoint.shape[1]:
                raise ValueError(f'{len(frames)} frames but '
                                 f'{keypoint.shape[1]} frames of poses')
        if self.needs_poses and (keypoint.shape[0] == 0 or
                                 not np.any(keypoint_score > 0)):
            return None
        kp, score = self.convert(keypoint, keypoint_score)
        data = dict(frame_dir='', label=-1, img_shape=tuple(img_shape),
                    original_shape=tuple(img_shape), start_index=0,
                    modality='Pose', total_frames=kp.shape[1],
                    keypoint=kp.astype(np.float32),
                    keypoint_score=score.astype(np.float32))
        if self.uses_rgb:
            data['frames'] = frames
        if self.session is not None:
            out, meta = self.session.predict_with_meta(data)
            if 'scores_rgb' in out:
                self.last_scores = dict(rgb=out['scores_rgb'],
                                        pose=out['scores_pose'])
            if 'attention' in out:
                self._keep_attention(out['attention'], meta, frames)
            return out['scores']
        data = self.pipeline(data)
        with torch.no_grad():
            result = self.model.test_step(pseudo_collate([data]))[0]
        if 'pred_attention' in result:
            self._keep_attention(result.pred_attention.cpu().numpy(),
                                 result.metainfo, frames)
        pred = result.pred_score
        if isinstance(pred, dict):  # RGBPoseHead: one score per pathway
            #: The last clip's per-pathway scores (RGB + pose models).
            self.last_scores = {k: v.cpu().numpy() for k, v in pred.items()}
            return np.mean(list(self.last_scores.values()), axis=0)
        return pred.cpu().numpy()

    def _keep_attention(self, att: np.ndarray, meta: dict,
                        frames: Any) -> None:
        """``last_*`` from RPAN's attention ``(T, J, K1, K2)`` of the first
        view (``pred_attention`` or the ONNX ``attention`` output) and the
        sample's ``metainfo``."""
        import torch

        from mmaction_pose.models.heads.rpan_head import attention_argmax
        self.last_attention = att
        inds = meta.get('frame_inds')
        if inds is not None:
            # one frame per step (clip_len 1); several test views follow
            # each other, and the head keeps the first
            self.last_frame_inds = np.asarray(inds).reshape(-1)[:len(att)]
        grid = tuple(att.shape[-2:])
        in_h, in_w = meta.get('img_shape', grid)
        # RPANHead.predict's pred_keypoint, from the maps alone
        kps = attention_argmax(torch.from_numpy(att).flatten(2), grid,
                               (in_h, in_w)).numpy()
        if frames is not None:
            h, w = np.shape(frames[0])[:2]
            kps = kps * np.array([w / in_w, h / in_h], np.float32)
        self.last_attention_keypoints = kps

    def topk(self, scores: np.ndarray | None, k: int = 3
             ) -> list[tuple[str, float]]:
        """``[(class name, score)]`` of the ``k`` best classes."""
        if scores is None:
            return []
        order = np.argsort(-scores, kind='stable')[:k]
        return [(self.classes[i], float(scores[i])) for i in order]


def _predicts_attention(model: Any) -> bool:
    """Whether a recognizer's head predicts per-joint pose attention maps
    (``pred_attention``: RPANHead with per-joint maps)."""
    from mmaction_pose.models.heads.rpan_head import RPANHead
    head = getattr(model, 'cls_head', None)
    return isinstance(head, RPANHead) and head.attention.supervised


def add_recognizer_args(parser: Any) -> None:
    """``--config/--checkpoint/--label-map`` for the demos."""
    group = parser.add_argument_group('action recognition')
    group.add_argument(
        '--config', help='skeleton recognition config (default: the Penn '
        'Action model, configs/posec3d/penn_action_keypoint.py with the '
        'checkpoint in configs/posec3d/penn_action/)')
    group.add_argument('--checkpoint',
                       help='checkpoint path or URL (with --config)')
    group.add_argument('--label-map', help='class names, one per line')
    group.add_argument(
        '--action-backend', choices=BACKENDS, default='torch',
        help='run the action model with PyTorch (default) or onnxruntime '
        '(needs --onnx)')
    group.add_argument(
        '--onnx', help='ONNX model from tools/deployment/export_onnx.py '
        '(with --action-backend onnxruntime; it carries its config)')
    group.add_argument('--onnx-threads', type=int,
                       help='onnxruntime intra-op threads (default: 1 in '
                       'the real-time demo, as its PyTorch model; all '
                       'cores otherwise)')


def recognizer_from_args(args: Any, default_threads: int | None = None,
                         **kwargs: Any) -> 'SkeletonRecognizer':
    """The demos' :class:`SkeletonRecognizer` from
    :func:`add_recognizer_args` options (``kwargs``: ``num_clips``,
    ``double``...); ``default_threads``: onnxruntime threads without
    ``--onnx-threads`` (the real-time pipeline gives the model one core,
    as it does to PyTorch).

    Raises:
        ValueError: inconsistent options (``--onnx`` without the
            onnxruntime backend, or the backend without ``--onnx``).
        FileNotFoundError: a missing model file.
    """
    backend = getattr(args, 'action_backend', 'torch')
    onnx = getattr(args, 'onnx', None)
    if backend == 'onnxruntime':
        if not onnx:
            raise ValueError('--action-backend onnxruntime needs --onnx '
                             'MODEL.onnx (tools/deployment/export_onnx.py)')
        return SkeletonRecognizer(args.config, None,
                                  label_map=args.label_map,
                                  backend='onnxruntime', onnx=onnx,
                                  num_threads=args.onnx_threads or
                                  default_threads, **kwargs)
    if onnx:
        raise ValueError('--onnx needs --action-backend onnxruntime')
    config, checkpoint = resolve_model_args(args.config, args.checkpoint)
    return SkeletonRecognizer(config, checkpoint,
                              device=getattr(args, 'device', 'cpu'),
                              label_map=args.label_map, **kwargs)


def resolve_model_args(config: str | None,
                       checkpoint: str | None) -> tuple[str, str]:
    """Explicit ``--config/--checkpoint`` or the default Penn Action model.

    Raises:
        ValueError: only one of the two was given.
        FileNotFoundError: neither was given and there is no default model.
    """
    if config and checkpoint:
        return config, checkpoint
    if config or checkpoint:
        raise ValueError('pass both --config and --checkpoint, or neither '
                         '(for the default Penn Action model)')
    return find_default_model()
