# Copyright (c) mmaction-pose. All rights reserved.
"""PAS-Net's (and ECO's) frame pipelines, written once for every dataset
config (``configs/_base_/datasets/pasnet_videos.py`` and the leaves call it
through ``__import__``; mmengine would treat an import statement as a lazy
config).

PAS-Net Sec. III-A: TSN sampling, "the whole input video V is grouped into
K segments ... an unique frame T_i is sampled randomly from each segment";
Sec. III-D: "all sampled frames are firstly resized to 256*340, and then ...
random cropping and horizontal flipping ..., finally the cropped regions
are resized to 224*224"; test: "only applying center cropping, we sample K
frames" (the segment centres). Frames stay 0-255 RGB: the backbone
normalises each stream itself.
"""
from __future__ import annotations


def pasnet_pipeline(test_mode: bool, num_frames: int, crop_size: int = 224,
                    resize: tuple[int, int] = (340, 256)) -> list:
    """Transform configs of one PAS-Net / ECO stream.

    Args:
        test_mode: Segment centres and the centre crop; no flip.
        num_frames: ``K`` (a multiple of 4: the 3D net halves it twice).
        crop_size: Side of the network input (224).
        resize: ``(w, h)`` every frame is resized to first (340x256).
    """
    if num_frames % 4:
        raise ValueError(f'K={num_frames} frames: ECO needs a multiple of 4')
    steps = [
        dict(type='DecordInit'),
        dict(type='UniformSample', clip_len=num_frames, num_clips=1,
             test_mode=test_mode),
        dict(type='DecordDecode'),
        dict(type='Resize', scale=tuple(resize), keep_ratio=False),
    ]
    if test_mode:
        steps.append(dict(type='CenterCrop', crop_size=crop_size))
    else:
        steps += [
            dict(type='MultiScaleCrop', input_size=crop_size,
                 scales=(1, .875, .75, .66), random_crop=False,
                 max_wh_scale_gap=1),
            dict(type='Resize', scale=(crop_size, crop_size),
                 keep_ratio=False),
            dict(type='Flip', flip_ratio=0.5),
        ]
    return steps + [
        dict(type='FormatShape', input_format='NCTHW'),
        dict(type='PackActionInputs')
    ]


#: Classes of the paper's datasets (mmaction2's tools/data layouts).
PASNET_DATASETS = {'ucf101': 101, 'hmdb51': 51}


def pasnet_video_data(dataset: str, split: int, num_frames: int) -> dict:
    """The dataloader overrides of one ``{dataset}_split{split}_{K}f`` leaf.

    ``configs/_base_/datasets/pasnet_videos.py`` holds everything else; a
    leaf merges ``train`` into ``train_dataloader`` and ``val`` into
    ``val_dataloader`` / ``test_dataloader`` and sets the head's
    ``num_classes``.

    Args:
        dataset: ``'ucf101'`` or ``'hmdb51'`` (``data/{dataset}/``: videos
            and mmaction2's ``{dataset}_{train,val}_split_{n}_videos.txt``).
        split: 1, 2 or 3.
        num_frames: ``K``.

    Returns:
        ``dict(train=..., val=..., num_classes=...)``.
    """
    if dataset not in PASNET_DATASETS:
        raise ValueError(f'dataset must be one of {sorted(PASNET_DATASETS)}'
                         f', got {dataset!r}')
    if split not in (1, 2, 3):
        raise ValueError(f'split must be 1, 2 or 3, got {split!r}')
    root = f'data/{dataset}/'
    prefix = dict(data_prefix=dict(video=root + 'videos'))

    def _loader(subset: str, test_mode: bool) -> dict:
        ann = f'{root}{dataset}_{subset}_split_{split}_videos.txt'
        return dict(dataset=dict(
            prefix, ann_file=ann,
            pipeline=pasnet_pipeline(test_mode, num_frames)))

    return dict(train=_loader('train', False), val=_loader('val', True),
                num_classes=PASNET_DATASETS[dataset])
