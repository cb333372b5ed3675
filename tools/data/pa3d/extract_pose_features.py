# Copyright (c) mmaction-pose. All rights reserved.
"""Store per-frame pose-network feature maps for PA3D's "F" modality.

    python tools/data/pa3d/extract_pose_features.py VIDEO_DIR OUT_DIR \
        [--pose-config CFG] [--pose-checkpoint CKPT] [--device cpu] \
        [--scales 0.5 1 1.5 2] [--boxsize 368] [--out-size 30 40] \
        [--feature-index -1] [--ext .avi .mp4] [--limit-frames N]

Writes ``OUT_DIR/<video stem>.npy`` of shape ``(F, C, H, W)`` float16 (one
map stack per decoded frame; ``LoadPoseFeatureMaps`` reads them by
``frame_dir``) and ``OUT_DIR/meta.json``.

PA3D (Yan et al., CVPR 2019, §4) uses the 128-channel ``conv4_4_CPM`` maps
of the official 6-stage OpenPose COCO network (Cao et al., CVPR 2017), run at
frame scales 0.5/1/1.5/2 (× 368 px height) and averaged. **OpenPose's network
is not available in the OpenMMLab stack**: mmpose 1.x has no part-affinity-
field model (its bottom-up models are associative embedding, CID, DEKR,
RTMO, …). We therefore take the backbone features (``extract_feat``) of an
mmpose top-down model, by default HRNet-W32 trained on COCO (256x192), whose
highest-resolution branch gives 32 channels at stride 4. The network is
fully convolutional, so, like OpenPose, it runs on the whole frame (no person
boxes), following OpenPose's multi-scale test protocol: resize to ``scale ×
boxsize / H``, pad to a multiple of 32, run, crop the padding, resize to
``--out-size`` and average over scales.
"""
from __future__ import annotations

import argparse
import json
import os
import os.path as osp
import sys
import warnings
from collections.abc import Iterable, Sequence

import numpy as np

sys.path.insert(0, osp.dirname(osp.dirname(osp.dirname(osp.dirname(
    osp.abspath(__file__))))))

import mmaction_pose  # noqa: E402,F401  (compatibility shims first)

DEFAULT_CONFIG = ('body_2d_keypoint/topdown_heatmap/coco/'
                  'td-hm_hrnet-w32_8xb64-210e_coco-256x192.py')
DEFAULT_CHECKPOINT = (
    'https://download.openmmlab.com/mmpose/v1/body_2d_keypoint/'
    'topdown_heatmap/coco/'
    'td-hm_hrnet-w32_8xb64-210e_coco-256x192-81c58e40_20220909.pth')


def default_pose_config() -> str:
    """Path of mmpose's HRNet-W32 COCO top-down config in the installed
    package."""
    import mmpose
    return osp.join(osp.dirname(mmpose.__file__), '.mim', 'configs',
                    DEFAULT_CONFIG)


def build_feature_model(config, checkpoint: str | None, device: str = 'cpu'):
    """An mmpose pose estimator in eval mode (random weights without a
    checkpoint, which is only useful for tests)."""
    from mmaction_pose.utils.compat import require_mmcv_ops
    # one line, before loading anything
    require_mmcv_ops('the mmpose feature extractor (mmpose.apis)')
    from mmpose.apis import init_model
    if checkpoint is None:
        warnings.warn('no --pose-checkpoint: random weights')
    return init_model(config, checkpoint, device=device).eval()


def frame_features(model,
                   frame: np.ndarray,
                   scales: Sequence[float] = (0.5, 1.0, 1.5, 2.0),
                   boxsize: int = 368,
                   out_size: tuple[int, int] = (30, 40),
                   feature_index: int = -1,
                   pad_to: int = 32) -> np.ndarray:
    """Multi-scale averaged backbone features of one frame.

    Args:
        model: mmpose estimator (``extract_feat`` and ``data_preprocessor``
            with ``mean``/``std``, BGR→RGB as configured).
        frame: ``(H, W, 3)`` uint8 BGR frame.
        scales: Scales relative to ``boxsize / H`` (OpenPose
            ``scale_search``).
        boxsize: Network input height at scale 1.
        out_size: ``(H', W')`` of the stored maps.
        feature_index: Which ``extract_feat`` output to keep.
        pad_to: Pad the input to a multiple of this.

    Returns:
        ``(C, H', W')`` float32.
    """
    import cv2
    import torch
    import torch.nn.functional as F

    pre = model.data_preprocessor
    device = next(model.parameters()).device
    img_h = frame.shape[0]
    total = None
    for scale in scales:
        factor = scale * boxsize / img_h
        img = cv2.resize(frame, None, fx=factor, fy=factor,
                         interpolation=cv2.INTER_CUBIC)
        h, w = img.shape[:2]
        ph, pw = -h % pad_to, -w % pad_to
        x = torch.from_numpy(np.ascontiguousarray(img)).to(device)
        x = x.permute(2, 0, 1)[None].float()
        if getattr(pre, '_channel_conversion', False):
            x = x[:, [2, 1, 0]]
        if getattr(pre, '_enable_normalize', False):
            x = (x - pre.mean) / pre.std
        x = F.pad(x, (0, pw, 0, ph))  # zero = the mean colour after norm
        with torch.no_grad():
            feat = model.extract_feat(x)[feature_index]
        stride = x.shape[-2] / feat.shape[-2]
        feat = feat[..., :round(h / stride), :round(w / stride)]
        feat = F.interpolate(feat, size=tuple(out_size), mode='bilinear',
                             align_corners=False)[0]
        total = feat if total is None else total + feat
    return (total / len(scales)).cpu().numpy()


def read_frames(path: str, limit: int | None = None) -> Iterable[np.ndarray]:
    """Decode a video file, or read the sorted images of a frame folder."""
    import cv2
    if osp.isdir(path):
        names = sorted(n for n in os.listdir(path)
                       if n.lower().endswith(('.jpg', '.jpeg', '.png')))
        for name in names[:limit]:
            yield cv2.imread(osp.join(path, name))
        return
    cap = cv2.VideoCapture(path)
    count = 0
    while limit is None or count < limit:
        ok, frame = cap.read()
        if not ok:
            break
        count += 1
        yield frame
    cap.release()


def extract_video(model, frames: Iterable[np.ndarray],
                  **kwargs) -> np.ndarray:
    """``(F, C, H', W')`` float16 maps of every frame (see
    :func:`frame_features` for ``kwargs``)."""
    maps = [frame_features(model, f, **kwargs).astype(np.float16)
            for f in frames]
    if not maps:
        raise ValueError('no frames decoded')
    return np.stack(maps)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('video_dir', help='folder of videos / frame folders')
    parser.add_argument('out_dir')
    parser.add_argument('--pose-config', default=None,
                        help=f'mmpose config (default: {DEFAULT_CONFIG})')
    parser.add_argument('--pose-checkpoint', default=DEFAULT_CHECKPOINT,
                        help="checkpoint path/URL ('none': random weights)")
    parser.add_argument('--device', default='cpu')
    parser.add_argument('--scales', type=float, nargs='+',
                        default=[0.5, 1.0, 1.5, 2.0])
    parser.add_argument('--boxsize', type=int, default=368)
    parser.add_argument('--out-size', type=int, nargs=2, default=[30, 40],
                        metavar=('H', 'W'))
    parser.add_argument('--feature-index', type=int, default=-1)
    parser.add_argument('--ext', nargs='+', default=['.avi', '.mp4'],
                        help='video extensions; sub-folders are frame dirs')
    parser.add_argument('--limit-frames', type=int, default=None)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    checkpoint = None if args.pose_checkpoint.lower() == 'none' \
        else args.pose_checkpoint
    from mmaction_pose.utils.compat import MMCVOpsMissingError
    try:
        model = build_feature_model(args.pose_config or default_pose_config(),
                                    checkpoint, args.device)
    except MMCVOpsMissingError as e:
        sys.exit(f'error: {e}')
    os.makedirs(args.out_dir, exist_ok=True)
    videos = sorted(
        n for n in os.listdir(args.video_dir)
        if n.lower().endswith(tuple(args.ext))
        or osp.isdir(osp.join(args.video_dir, n)))
    kwargs = dict(scales=args.scales, boxsize=args.boxsize,
                  out_size=tuple(args.out_size),
                  feature_index=args.feature_index)
    channels = None
    for i, name in enumerate(videos):
        maps = extract_video(
            model, read_frames(osp.join(args.video_dir, name),
                               args.limit_frames), **kwargs)
        channels = maps.shape[1]
        np.save(osp.join(args.out_dir, osp.splitext(name)[0] + '.npy'), maps)
        print(f'[{i + 1}/{len(videos)}] {name}: {tuple(maps.shape)}')
    with open(osp.join(args.out_dir, 'meta.json'), 'w') as f:
        json.dump(dict(kwargs, channels=channels,
                       pose_config=args.pose_config or DEFAULT_CONFIG,
                       pose_checkpoint=checkpoint), f, indent=2)


if __name__ == '__main__':
    main()
