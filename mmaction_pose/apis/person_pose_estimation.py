# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine's pose branch used as a pose estimator on a video (Zhu et
al. 2018, Sec. 3.2 and Table 3: the same head design estimates COCO poses).

The frames are cropped with one person box for the whole video (as in
training: a detector's union box, or any box), cut into consecutive
``clip_len``-frame clips, and the I3D + ``DeconvKeypointHead`` of an
``ActionMachine`` checkpoint decode each frame's joints (argmax + offset),
mapped back to frame pixels.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import torch

from mmaction_pose.datasets.transforms.functional.person_box import (
    crop_resize, square_box)


def load_pose_branch(config: str, checkpoint: str | None,
                     device: str = 'cpu'):
    """An ``ActionMachine`` with a pose head, in eval mode, and its input
    size ``(h, w)`` and clip length from the config's test pipeline."""
    from mmengine.config import Config
    from mmengine.registry import init_default_scope
    from mmengine.runner import load_checkpoint

    from mmaction_pose.registry import MODELS
    from mmaction_pose.utils.setup_env import register_all_modules
    register_all_modules(init_default_scope=False)
    init_default_scope('mmaction_pose')
    cfg = Config.fromfile(config)
    model = MODELS.build(cfg.model)
    if getattr(model, 'pose_head', None) is None:
        raise ValueError(f'{config}: the model has no pose head (an '
                         'ActionMachine config with pose_head is needed)')
    if checkpoint:
        load_checkpoint(model, checkpoint, map_location='cpu')
    pipeline = cfg.test_dataloader.dataset.pipeline
    crop = next(s for s in pipeline if s['type'] == 'BoxThreeCrop' or
                s['type'] == 'PersonBoxCrop' and 'context_scale' not in s)
    size = crop.get('crop_size', crop.get('out_size'))
    size = (size, size) if np.isscalar(size) else tuple(size)
    clip_len = next(s['clip_len'] for s in pipeline
                    if s['type'] == 'SampleFrames')
    return model.to(device).eval(), size, int(clip_len)


@torch.no_grad()
def estimate_video_poses(model, frames_bgr: Sequence[np.ndarray], box,
                         input_size: tuple[int, int], clip_len: int = 8,
                         batch_clips: int = 4
                         ) -> tuple[np.ndarray, np.ndarray]:
    """Joints of every frame.

    Args:
        model: ``ActionMachine`` with a pose head (eval mode).
        frames_bgr: ``T`` frames ``(H, W, 3)`` uint8, BGR (OpenCV).
        box: ``[x1, y1, x2, y2]`` person box of the video (squared here).
        input_size: Network input ``(h, w)``.
        clip_len: Frames per clip; the last clip is padded by repeating
            its last frame.

    Returns:
        ``keypoint (T, J, 2)`` in frame pixels and ``score (T, J)`` (the
        ReLU of each heatmap's peak).
    """
    sq = square_box(box, input_size[0] / input_size[1])
    rgb = [np.ascontiguousarray(f[..., ::-1]) for f in frames_bgr]
    crops = np.stack(crop_resize(rgb, sq, input_size))  # (T, h, w, 3)
    n = len(crops)
    pad = (-n) % clip_len
    crops = np.concatenate([crops, np.repeat(crops[-1:], pad, 0)])
    clips = torch.from_numpy(crops).float().view(
        -1, clip_len, *crops.shape[1:]).permute(0, 4, 1, 2, 3)
    device = next(model.parameters()).device
    kps, conf = [], []
    for i in range(0, len(clips), batch_clips):
        x = clips[i:i + batch_clips].to(device)[:, None]  # (B, 1, C, T..)
        x = model.data_preprocessor(
            dict(inputs=list(x), data_samples=None))['inputs']
        feats = model.backbone(x.flatten(0, 1))
        _, k, c = model.pose_head.predict(feats)
        kps.append(k.cpu().numpy()), conf.append(c.cpu().numpy())
    kps = np.concatenate(kps)[:n]
    x1, y1, x2, y2 = sq
    kps[..., 0] = kps[..., 0] * (x2 - x1) / input_size[1] + x1
    kps[..., 1] = kps[..., 1] * (y2 - y1) / input_size[0] + y1
    return kps.astype(np.float32), np.concatenate(conf)[:n]
