# Copyright (c) mmaction-pose. All rights reserved.
"""Dataset annotations → mmaction2 ``PoseDataset`` dicts (pure functions)."""
from .jhmdb import (JHMDB_IMG_SHAPE, JHMDBFormatError, convert_jhmdb,
                    load_jhmdb_joints)
from .ntu_skeleton import (NTU_IMG_SHAPE, NTUSkeletonFormatError,
                           ntu_skeleton_to_annotation, ntu_splits,
                           parse_ntu_name, read_ntu_skeleton)
from .nucla import (KINECT_V1_INTRINSICS, NUCLA_CLASSES, NUCLA_IMG_SHAPE,
                    NUCLAFormatError, convert_nucla, list_skeleton_files,
                    load_nucla_sequence, nucla_splits, parse_nucla_name,
                    project_kinect_v1)
from .penn_action import (PENN_ACTION_CLASSES, PENN_ACTION_SPLIT_SIZES,
                          PennActionFormatError, convert_penn_action,
                          list_label_files, load_penn_clip)

__all__ = [
    'JHMDB_IMG_SHAPE', 'JHMDBFormatError', 'convert_jhmdb',
    'load_jhmdb_joints', 'NTU_IMG_SHAPE', 'NTUSkeletonFormatError',
    'ntu_skeleton_to_annotation', 'ntu_splits', 'parse_ntu_name',
    'read_ntu_skeleton', 'KINECT_V1_INTRINSICS', 'NUCLA_CLASSES',
    'NUCLA_IMG_SHAPE', 'NUCLAFormatError', 'convert_nucla',
    'list_skeleton_files', 'load_nucla_sequence', 'nucla_splits',
    'parse_nucla_name', 'project_kinect_v1',
    'PENN_ACTION_CLASSES', 'PENN_ACTION_SPLIT_SIZES', 'PennActionFormatError',
    'convert_penn_action', 'list_label_files', 'load_penn_clip'
]
