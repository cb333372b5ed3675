# Copyright (c) mmaction-pose. All rights reserved.
"""PA3D pose modalities as transforms: PAF, temporal difference, features.

Yan et al., *PA3D: Pose-Action 3D Machine for Video Recognition*, CVPR 2019,
§4 "Implementation Details" (joint / part-affinity-field / feature maps of
every sampled frame) and §3.1 (difference modalities ``J_t - J_{t-1}``).
Joint heatmaps come from ``GeneratePoseTarget``; the shells below add the
other modalities. Maps are ``(num_clips*T, C, H, W)`` until formatting.

Per-key clip lengths: ``results['clip_len']`` is the clip length of
``imgs`` (what ``FormatShape`` reads); ``results['clip_lens'][key]``, when
present, overrides it for ``key``. :class:`PoseTemporalDifference` writes
both, :class:`FormatPoseModalities` reads them.
"""
from __future__ import annotations

import os.path as osp

import numpy as np
from mmcv.transforms import BaseTransform

from mmaction_pose.registry import TRANSFORMS
from mmaction_pose.structures.skeleton_layouts import get_layout
from .functional.paf import flip_paf, render_paf


def _clip_len(results: dict, key: str) -> int:
    clip_len = results.get('clip_lens', {}).get(key, results['clip_len'])
    if not isinstance(clip_len, int):
        raise TypeError(f'clip length of {key!r} must be an int, got '
                        f'{clip_len!r}')
    return clip_len


@TRANSFORMS.register_module()
class GeneratePartAffinityFields(BaseTransform):
    """Render part affinity fields (PA3D's "P" modality) from keypoints.

    Two channels per limb: the unit vector along the limb inside its support
    region (OpenPose, Cao et al. CVPR 2017, Eq. 8), averaged over people.
    PA3D uses OpenPose's *predicted* 38 PAF maps (19 limbs); we render the
    layout's limbs from (ground-truth or estimated) keypoints instead.

    Required Keys:
        - keypoint ``(M, T', V, 2)`` in pixels of ``img_shape``
        - keypoint_score ``(M, T', V)`` (optional, ones if absent)
        - img_shape ``(H, W)``

    Added Keys:
        - ``out_key``: ``(T', 2L, H', W')`` float32, ``(H', W')`` =
          ``img_shape * scaling``; with ``double`` ``(2T', 2L, H', W')``
          (the flipped fields appended, like ``GeneratePoseTarget``).

    Args:
        layout: Skeleton layout name (``'coco17'``, ``'penn13'``, …) giving
            the limbs (channel order) and the flip map.
        limb_width: Half-width of the support region, in output pixels.
        use_score: Scale vectors by the smaller joint score of the limb and
            skip limbs with a score below ``eps``; ``False`` draws every limb.
        eps: Score threshold of ``use_score``.
        scaling: Ratio of the output maps to ``img_shape``.
        double: Also output the horizontally flipped fields (test-time flip
            averaging).
        out_key: Where to store the fields.
    """

    def __init__(self,
                 layout: str,
                 limb_width: float = 1.0,
                 use_score: bool = False,
                 eps: float = 1e-3,
                 scaling: float = 1.0,
                 double: bool = False,
                 out_key: str = 'imgs') -> None:
        self.layout = layout
        self._layout = get_layout(layout)
        if limb_width <= 0 or scaling <= 0:
            raise ValueError('limb_width and scaling must be positive')
        self.limb_width = limb_width
        self.use_score = use_score
        self.eps = eps
        self.scaling = scaling
        self.double = double
        self.out_key = out_key

    def transform(self, results: dict) -> dict:
        h, w = results['img_shape']
        h, w = int(h * self.scaling + 0.5), int(w * self.scaling + 0.5)
        kp = results['keypoint'][..., :2] * np.float32(self.scaling)
        limbs = self._layout.limbs
        paf = render_paf(kp, results.get('keypoint_score'), limbs, (h, w),
                         self.limb_width, self.use_score, self.eps)
        if self.double:
            paf = np.concatenate(
                [paf, flip_paf(paf, limbs, self._layout.flip_index)])
        results[self.out_key] = paf
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(layout={self.layout!r}, '
                f'limb_width={self.limb_width}, use_score={self.use_score}, '
                f'eps={self.eps}, scaling={self.scaling}, '
                f'double={self.double}, out_key={self.out_key!r})')


@TRANSFORMS.register_module()
class PoseTemporalDifference(BaseTransform):
    """Difference modality: ``X_t - X_{t-1}`` within every clip (PA3D §3.1).

    "For each pose modality, we compute the difference between two
    consecutive frames ... Jdiff is J_t − J_{t−1}, t = 2, ..., T": a clip of
    ``T`` sampled frames gives ``T - 1`` difference maps.

    Required Keys:
        - ``in_key``: ``(K*T, C, H, W)``, ``K`` = crops × clips
        - clip_len (and ``clip_lens[in_key]`` if present)

    Modified / Added Keys:
        - ``out_key``: ``(K*(T-1), C, H, W)`` float32
        - clip_lens: ``{out_key: T - 1}``
        - clip_len: ``T - 1`` when ``out_key == 'imgs'`` (for ``FormatShape``)

    Args:
        in_key: Maps to difference.
        out_key: Where to store the differences; ``None`` means ``in_key``.
    """

    def __init__(self, in_key: str = 'imgs', out_key: str | None = None
                 ) -> None:
        self.in_key = in_key
        self.out_key = in_key if out_key is None else out_key

    def transform(self, results: dict) -> dict:
        t = _clip_len(results, self.in_key)
        if t < 2:
            raise ValueError(f'a temporal difference needs clip_len >= 2, '
                             f'got {t}')
        maps = np.asarray(results[self.in_key], dtype=np.float32)
        clips = maps.reshape((-1, t) + maps.shape[1:])
        diff = clips[:, 1:] - clips[:, :-1]
        results[self.out_key] = diff.reshape((-1, ) + maps.shape[1:])
        results['clip_lens'] = dict(
            results.get('clip_lens', {}), **{self.out_key: t - 1})
        if self.out_key == 'imgs':
            results['clip_len'] = t - 1
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(in_key={self.in_key!r}, '
                f'out_key={self.out_key!r})')


@TRANSFORMS.register_module()
class LoadPoseFeatureMaps(BaseTransform):
    """Load precomputed per-frame pose maps (PA3D's "F" modality).

    Reads ``{data_prefix}/{file_tmpl}`` (an ``.npy`` of shape ``(F, C, H,
    W)`` written by ``tools/data/pa3d/extract_pose_features.py``) and picks
    the sampled frames. PA3D's features are OpenPose's 128-channel
    ``conv4_4_CPM`` maps; ours come from an mmpose model's backbone (see the
    tool and ``configs/pa3d/README.md``).

    Required Keys:
        - frame_dir (video id; the file name is formatted with it)
        - frame_inds ``(K*T,)`` as produced by ``SampleFrames``
        - start_index (optional, 0 if absent; subtracted from frame_inds)

    Added Keys:
        - ``out_key``: ``(K*T, C, H, W)`` float32, multiplied by ``scale``
        - img_shape ``(H, W)``

    Args:
        data_prefix: Folder holding the feature files.
        file_tmpl: File name template, formatted with ``frame_dir``.
        scale: Multiplier applied after loading (e.g. de-quantization).
        mmap: Memory-map the file instead of reading it whole.
        out_key: Where to store the maps.
    """

    def __init__(self,
                 data_prefix: str,
                 file_tmpl: str = '{frame_dir}.npy',
                 scale: float = 1.0,
                 mmap: bool = True,
                 out_key: str = 'imgs') -> None:
        self.data_prefix = data_prefix
        self.file_tmpl = file_tmpl
        self.scale = scale
        self.mmap = mmap
        self.out_key = out_key

    def transform(self, results: dict) -> dict:
        name = osp.basename(str(results['frame_dir']))
        path = osp.join(self.data_prefix, self.file_tmpl.format(frame_dir=name))
        maps = np.load(path, mmap_mode='r' if self.mmap else None)
        inds = (np.asarray(results['frame_inds'], dtype=np.int64) -
                int(results.get('start_index', 0)))
        # Clips near the end loop like SampleFrames(out_of_bound_opt='loop').
        out = np.asarray(maps[np.mod(inds, len(maps))], dtype=np.float32)
        if self.scale != 1.0:
            out *= np.float32(self.scale)
        results[self.out_key] = out
        results['img_shape'] = out.shape[-2:]
        return results

    def __repr__(self) -> str:
        return (f'{self.__class__.__name__}(data_prefix={self.data_prefix!r}, '
                f'file_tmpl={self.file_tmpl!r}, scale={self.scale}, '
                f'mmap={self.mmap}, out_key={self.out_key!r})')


@TRANSFORMS.register_module()
class FormatPoseModalities(BaseTransform):
    """``FormatShape('NCTHW_Heatmap')`` for several keys, each with its own T.

    MMAction2's ``FormatShape`` formats only ``imgs``/``heatmap_imgs`` with
    one clip length; the multi-modality PA3D pipelines (⊕ and ∪ models) carry
    e.g. joints (``T``) and joint differences (``T - 1``) side by side.

    Required Keys:
        - ``keys``: ``(K*T_k, C_k, H, W)``
        - num_clips, clip_len, clip_lens (optional)

    Modified Keys:
        - ``keys``: ``(K, C_k, T_k, H, W)``

    Args:
        keys: Keys to format (the ``PackActionInputs(collect_keys=...)``).
    """

    def __init__(self, keys: tuple[str, ...] = ('imgs', )) -> None:
        self.keys = tuple(keys)

    def transform(self, results: dict) -> dict:
        num_clips = results['num_clips']
        for key in self.keys:
            t = _clip_len(results, key)
            maps = np.asarray(results[key])
            maps = maps.reshape((-1, num_clips, t) + maps.shape[1:])
            maps = np.transpose(maps, (0, 1, 3, 2, 4, 5))
            results[key] = np.ascontiguousarray(
                maps.reshape((-1, ) + maps.shape[2:]))
        return results

    def __repr__(self) -> str:
        return f'{self.__class__.__name__}(keys={self.keys!r})'
