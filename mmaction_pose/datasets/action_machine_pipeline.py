# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine's person-centric video pipelines, written once for every
dataset config (``configs/_base_/datasets/*action_machine*.py`` call it
through ``__import__``; mmengine would treat an import statement as a lazy
config).

Zhu et al. 2018, Sec. 4.3: "8-frame clips with sampling stride shown in
Table 2. The start frame is randomly sampled during training"; "bounding box
center, width, height jittering and random mirror. Then the bounding box is
made to a fixed aspect ratio (height : width = 1 : 1) ... cropped ... and
resized to ... 224x224"; test: "three crops, i.e., the up left, center, down
right of bounding box center. 10 clips are evenly sampled".

The box is the one box of the whole video (``box`` of the annotation, or
every joint of every frame), so ``PersonBoxCrop`` runs before
``PoseDecode`` keeps the sampled frames' joints.
"""
from __future__ import annotations

AM_KEYS = ('pose_keypoint', 'pose_mask')


def person_crop_pipeline(test_mode: bool, frame_interval: int,
                         left_kp: list, right_kp: list,
                         crop_size: int = 224, clip_len: int = 8,
                         num_test_clips: int = 10, num_test_crops: int = 3,
                         test_scale: float = 256 / 224,
                         score_thr: float = 0.2,
                         box_score_thr: float = 0.99) -> list:
    """Transform configs of an Action Machine dataset (videos + joints).

    Args:
        test_mode: Evenly spaced clips and the three box crops; no jitter or
            flip.
        frame_interval: The dataset's stride (Table 2: NTU 8, N-UCLA 1,
            MSR 8, UTD-MHAD 4).
        left_kp, right_kp: The layout's flip pairs.
        crop_size: Side of the square network input (224).
        clip_len: Frames per clip (8).
        num_test_clips: Clips at test (10).
        num_test_crops: 3 (up left, centre, down right) or 1 (centre).
        test_scale: The test crop covers ``test_scale`` times the box, so
            the centre crop is the training view (256 / 224).
        score_thr: Joints at or below it neither make the box nor get a
            pose target.
        box_score_thr: Detector boxes below it are ignored (0.99).
    """
    crop = dict(type='PersonBoxCrop', score_thr=score_thr,
                box_score_thr=box_score_thr)
    steps = [
        dict(type='DecordInit'),
        dict(type='SampleFrames', clip_len=clip_len,
             frame_interval=frame_interval,
             num_clips=num_test_clips if test_mode else 1,
             test_mode=test_mode),
        dict(type='DecordDecode'),
    ]
    if test_mode and num_test_crops == 3:
        big = int(round(crop_size * test_scale))
        steps += [
            dict(crop, out_size=(big, big), jitter=False,
                 context_scale=test_scale),
            dict(type='PoseDecode'),
            dict(type='BoxThreeCrop', crop_size=crop_size),
        ]
    elif test_mode and num_test_crops == 1:
        steps += [
            dict(crop, out_size=(crop_size, crop_size), jitter=False),
            dict(type='PoseDecode'),
        ]
    elif test_mode:
        raise ValueError(f'num_test_crops must be 1 or 3, got '
                         f'{num_test_crops}')
    else:
        steps += [
            dict(crop, out_size=(crop_size, crop_size), jitter=True),
            dict(type='PoseDecode'),
            dict(type='Flip', flip_ratio=0.5, left_kp=list(left_kp),
                 right_kp=list(right_kp)),
        ]
    return steps + [
        dict(type='SelectTargetJoints', score_thr=score_thr),
        dict(type='FormatShape', input_format='NCTHW'),
        dict(type='PackActionInputs', algorithm_keys=AM_KEYS)
    ]
