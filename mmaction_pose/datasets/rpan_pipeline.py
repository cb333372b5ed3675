# Copyright (c) mmaction-pose. All rights reserved.
"""RPAN's rawframe pipelines, written once for every dataset config
(``configs/_base_/datasets/{sub_jhmdb,penn_action}_rpan.py`` call it through
``__import__``; mmengine would treat an import statement as a lazy config).

Du et al., ICCV 2017, Sec. 4.1: 8 frames "with equal interval" (TSN
segments: one random frame per segment in training, the centres at test),
the whole frame, mirroring, Gaussian attention targets from the joints.
RGB: one image per segment; flow: ``clip_len`` stacked fields (TSN: 5, 10
channels), targets on each stack's first field.
"""
from __future__ import annotations

RPAN_KEYS = ('pose_target', 'pose_mask', 'pose_keypoint')


def rpan_frame_pipeline(modality: str, test_mode: bool, frame_size: tuple,
                        left_kp: list, right_kp: list, target: dict,
                        rgb_tmpl: str = 'img_{:05d}.jpg',
                        num_segments: int = 8, flow_len: int = 5) -> list:
    """Transform configs of one RPAN stream.

    Args:
        modality: ``'RGB'`` (image files ``rgb_tmpl``) or ``'Flow'``
            (``tools/data/extract_flow.py``'s ``flow_{x,y}_00001.jpg``).
        test_mode: Segment centres, no flip.
        frame_size: ``(w, h)`` the whole frame is resized to.
        left_kp, right_kp: The layout's flip pairs.
        target: ``GenerateRPANPoseTarget`` config (sigma, stride).
    """
    rgb = modality == 'RGB'
    clip_len = 1 if rgb else flow_len
    init = dict(type='RawFramesInit', modality='RGB',
                filename_tmpl=rgb_tmpl) if rgb else dict(type='RawFramesInit')
    steps = [
        init,
        dict(type='SampleFrames', clip_len=clip_len, frame_interval=1,
             num_clips=num_segments, test_mode=test_mode),
        dict(type='RawFrameDecode'),
        dict(type='FlowPoseDecode'),  # keypoints of the sampled files
        dict(type='Resize', scale=tuple(frame_size), keep_ratio=False),
    ]
    if not test_mode:
        steps.append(dict(type='Flip' if rgb else 'FlowFlip', flip_ratio=0.5,
                          left_kp=list(left_kp), right_kp=list(right_kp)))
    return steps + [
        dict(target, clip_len=clip_len),
        dict(type='FormatShape', input_format='NCHW'),
        dict(type='PackActionInputs', algorithm_keys=RPAN_KEYS)
    ]
