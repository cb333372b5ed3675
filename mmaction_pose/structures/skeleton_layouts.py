# Copyright (c) mmaction-pose. All rights reserved.
"""Skeleton layouts: joints, limbs and left/right flip maps, defined once.

Every layout is a frozen :class:`SkeletonLayout`. The joint flip map is
derived from the joint names (``left_*`` ↔ ``right_*``) and the limb flip map
from the joint flip map, so no index list is typed twice. Configs read the
lists through :func:`layout_lists` (see ``configs/_base_/skeletons/``).

Layouts:
    * ``COCO17``: COCO keypoints (mmpose, mmaction2 ``ntu60_2d.pkl``); limb
      order equals mmaction2's PoseC3D limb configs.
    * ``PENN13``: Penn Action ground truth (Zhang et al., ICCV 2013).
    * ``JHMDB15``: JHMDB puppet joints (Jhuang et al., ICCV 2013).
    * ``NTU25``: Kinect v2 joints of NTU RGB+D (Shahroudy et al., CVPR 2016).
    * ``KINECT20``: Kinect v1 joints of N-UCLA (Wang et al., CVPR 2014), in
      the order of the N-UCLA skeleton files; limbs: the Kinect SDK's 19
      bones.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


def _partner(name: str) -> str:
    for a, b in (('left_', 'right_'), ('right_', 'left_')):
        if name.startswith(a):
            return b + name[len(a):]
    return name


@dataclass(frozen=True)
class SkeletonLayout:
    """A named skeleton.

    Args:
        name: Layout id, e.g. ``'coco17'``.
        joints: Joint names; ``left_``/``right_`` prefixes define the flip map.
        limbs: Joint index pairs ``(a, b)`` of the limb maps, in channel order.
        parts: Body parts ``(part name, joint names)`` covering every joint
            once: RPAN's five parts (torso, elbow, wrist, knee, ankle; Du et
            al., ICCV 2017, Fig. 3), whose attention parameters are shared
            by the joints of a part.
    """

    name: str
    joints: tuple[str, ...]
    limbs: tuple[tuple[int, int], ...]
    parts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    flip_index: tuple[int, ...] = field(init=False)
    limb_flip_index: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        index = {n: i for i, n in enumerate(self.joints)}
        assert len(index) == len(self.joints), f'{self.name}: duplicate joint'
        flip = tuple(index[_partner(n)] for n in self.joints)
        limb_index = {frozenset(limb): i for i, limb in enumerate(self.limbs)}
        limb_flip = tuple(
            limb_index[frozenset((flip[a], flip[b]))] for a, b in self.limbs)
        object.__setattr__(self, 'flip_index', flip)
        object.__setattr__(self, 'limb_flip_index', limb_flip)
        if self.parts:
            members = sorted(index[j] for _, js in self.parts for j in js)
            assert members == list(range(len(self.joints))), \
                f'{self.name}: parts must cover every joint exactly once'

    @property
    def num_joints(self) -> int:
        return len(self.joints)

    @property
    def num_limbs(self) -> int:
        return len(self.limbs)

    def index(self, joint: str) -> int:
        return self.joints.index(joint)

    @staticmethod
    def _pairs(flip: tuple[int, ...]) -> tuple[list[int], list[int]]:
        left = [i for i, j in enumerate(flip) if i < j]
        return left, [flip[i] for i in left]

    @property
    def left_kp(self) -> list[int]:
        """Joints swapped by a horizontal flip (mmaction2 ``left_kp``)."""
        return self._pairs(self.flip_index)[0]

    @property
    def right_kp(self) -> list[int]:
        return self._pairs(self.flip_index)[1]

    @property
    def part_names(self) -> list[str]:
        return [name for name, _ in self.parts]

    @property
    def part_index(self) -> list[list[int]]:
        """Joint indices of every body part (``parts`` order)."""
        return [[self.index(j) for j in js] for _, js in self.parts]

    @property
    def left_limb(self) -> list[int]:
        return self._pairs(self.limb_flip_index)[0]

    @property
    def right_limb(self) -> list[int]:
        return self._pairs(self.limb_flip_index)[1]


COCO17 = SkeletonLayout(
    name='coco17',
    joints=('nose', 'left_eye', 'right_eye', 'left_ear', 'right_ear',
            'left_shoulder', 'right_shoulder', 'left_elbow', 'right_elbow',
            'left_wrist', 'right_wrist', 'left_hip', 'right_hip',
            'left_knee', 'right_knee', 'left_ankle', 'right_ankle'),
    limbs=((0, 5), (0, 6), (5, 7), (7, 9), (6, 8), (8, 10), (5, 11),
           (11, 13), (13, 15), (6, 12), (12, 14), (14, 16), (0, 1), (0, 2),
           (1, 3), (2, 4), (11, 12)),
    parts=(('torso', ('nose', 'left_eye', 'right_eye', 'left_ear',
                      'right_ear', 'left_shoulder', 'right_shoulder',
                      'left_hip', 'right_hip')),
           ('elbow', ('left_elbow', 'right_elbow')),
           ('wrist', ('left_wrist', 'right_wrist')),
           ('knee', ('left_knee', 'right_knee')),
           ('ankle', ('left_ankle', 'right_ankle'))))

PENN13 = SkeletonLayout(
    name='penn13',
    joints=('head', 'left_shoulder', 'right_shoulder', 'left_elbow',
            'right_elbow', 'left_wrist', 'right_wrist', 'left_hip',
            'right_hip', 'left_knee', 'right_knee', 'left_ankle',
            'right_ankle'),
    limbs=((0, 1), (0, 2), (1, 3), (3, 5), (2, 4), (4, 6), (1, 7), (7, 9),
           (9, 11), (2, 8), (8, 10), (10, 12), (7, 8), (1, 2)),
    parts=(('torso', ('head', 'left_shoulder', 'right_shoulder', 'left_hip',
                      'right_hip')),
           ('elbow', ('left_elbow', 'right_elbow')),
           ('wrist', ('left_wrist', 'right_wrist')),
           ('knee', ('left_knee', 'right_knee')),
           ('ankle', ('left_ankle', 'right_ankle'))))

JHMDB15 = SkeletonLayout(
    name='jhmdb15',
    joints=('neck', 'belly', 'face', 'right_shoulder', 'left_shoulder',
            'right_hip', 'left_hip', 'right_elbow', 'left_elbow',
            'right_knee', 'left_knee', 'right_wrist', 'left_wrist',
            'right_ankle', 'left_ankle'),
    limbs=((0, 2), (0, 1), (0, 3), (0, 4), (3, 7), (7, 11), (4, 8),
           (8, 12), (1, 5), (1, 6), (5, 9), (9, 13), (6, 10), (10, 14)),
    parts=(('torso', ('neck', 'belly', 'face', 'right_shoulder',
                      'left_shoulder', 'right_hip', 'left_hip')),
           ('elbow', ('right_elbow', 'left_elbow')),
           ('wrist', ('right_wrist', 'left_wrist')),
           ('knee', ('right_knee', 'left_knee')),
           ('ankle', ('right_ankle', 'left_ankle'))))

NTU25 = SkeletonLayout(
    name='ntu25',
    joints=('spine_base', 'spine_mid', 'neck', 'head', 'left_shoulder',
            'left_elbow', 'left_wrist', 'left_hand', 'right_shoulder',
            'right_elbow', 'right_wrist', 'right_hand', 'left_hip',
            'left_knee', 'left_ankle', 'left_foot', 'right_hip',
            'right_knee', 'right_ankle', 'right_foot', 'spine_shoulder',
            'left_hand_tip', 'left_thumb', 'right_hand_tip', 'right_thumb'),
    limbs=((0, 1), (1, 20), (2, 20), (3, 2), (4, 20), (5, 4), (6, 5),
           (7, 6), (8, 20), (9, 8), (10, 9), (11, 10), (12, 0), (13, 12),
           (14, 13), (15, 14), (16, 0), (17, 16), (18, 17), (19, 18),
           (21, 22), (22, 7), (23, 24), (24, 11)),
    parts=(('torso', ('spine_base', 'spine_mid', 'neck', 'head',
                      'spine_shoulder', 'left_shoulder', 'right_shoulder',
                      'left_hip', 'right_hip')),
           ('elbow', ('left_elbow', 'right_elbow')),
           ('wrist', ('left_wrist', 'right_wrist', 'left_hand',
                      'right_hand', 'left_hand_tip', 'right_hand_tip',
                      'left_thumb', 'right_thumb')),
           ('knee', ('left_knee', 'right_knee')),
           ('ankle', ('left_ankle', 'right_ankle', 'left_foot',
                      'right_foot'))))

KINECT20 = SkeletonLayout(
    name='kinect20',
    joints=('hip_center', 'spine', 'shoulder_center', 'head',
            'left_shoulder', 'left_elbow', 'left_wrist', 'left_hand',
            'right_shoulder', 'right_elbow', 'right_wrist', 'right_hand',
            'left_hip', 'left_knee', 'left_ankle', 'left_foot', 'right_hip',
            'right_knee', 'right_ankle', 'right_foot'),
    # (child, parent) towards shoulder_center, as NTU25's Kinect v2 bones.
    limbs=((0, 1), (1, 2), (3, 2), (4, 2), (5, 4), (6, 5), (7, 6), (8, 2),
           (9, 8), (10, 9), (11, 10), (12, 0), (13, 12), (14, 13), (15, 14),
           (16, 0), (17, 16), (18, 17), (19, 18)),
    parts=(('torso', ('hip_center', 'spine', 'shoulder_center', 'head',
                      'left_shoulder', 'right_shoulder', 'left_hip',
                      'right_hip')),
           ('elbow', ('left_elbow', 'right_elbow')),
           ('wrist', ('left_wrist', 'right_wrist', 'left_hand',
                      'right_hand')),
           ('knee', ('left_knee', 'right_knee')),
           ('ankle', ('left_ankle', 'right_ankle', 'left_foot',
                      'right_foot'))))

LAYOUTS: dict[str, SkeletonLayout] = {
    layout.name: layout
    for layout in (COCO17, PENN13, JHMDB15, NTU25, KINECT20)
}

# COCO-17 joint feeding each Penn-13 joint (Penn's "head" ← COCO nose).
COCO17_TO_PENN13: tuple[int, ...] = tuple(
    COCO17.index('nose' if n == 'head' else n) for n in PENN13.joints)


def get_layout(name: str) -> SkeletonLayout:
    """Look a layout up by name, with a clear error for unknown names."""
    try:
        return LAYOUTS[name]
    except KeyError:
        raise KeyError(f'unknown skeleton layout {name!r}; '
                       f'known: {sorted(LAYOUTS)}') from None


def layout_lists(name: str) -> dict[str, list]:
    """Plain lists for configs: ``left_kp``, ``right_kp``, ``skeletons``...

    mmaction2's ``Flip`` and ``GeneratePoseTarget`` take index lists; configs
    call this once instead of typing the lists.
    """
    layout = get_layout(name)
    return dict(
        num_joints=layout.num_joints,
        left_kp=layout.left_kp,
        right_kp=layout.right_kp,
        skeletons=[list(limb) for limb in layout.limbs],
        left_limb=layout.left_limb,
        right_limb=layout.right_limb,
        part_index=layout.part_index)


def convert_keypoints(keypoint: np.ndarray, index: tuple[int, ...],
                      axis: int = -2) -> np.ndarray:
    """Re-order joints (e.g. ``COCO17_TO_PENN13``) along ``axis``.

    Args:
        keypoint: ``(..., V_src, C)`` array (or ``(..., V_src)`` scores with
            ``axis=-1``).
        index: Source joint for every target joint.
    """
    return np.take(keypoint, np.asarray(index), axis=axis)
