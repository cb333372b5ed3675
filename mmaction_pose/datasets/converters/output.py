# Copyright (c) mmaction-pose. All rights reserved.
"""Writing a converted ``PoseDataset`` pickle and its label map."""
from __future__ import annotations

import os
import os.path as osp
import pickle
from collections.abc import Sequence


def write_pose_dataset(out: str, data: dict,
                       classes: Sequence[str]) -> dict[str, int]:
    """Write ``data`` to ``out`` and ``label_map.txt`` (line i = class i)
    next to it; returns the size of every split."""
    out_dir = osp.dirname(osp.abspath(out))
    os.makedirs(out_dir, exist_ok=True)
    with open(out, 'wb') as f:
        pickle.dump(data, f, protocol=pickle.HIGHEST_PROTOCOL)
    with open(osp.join(out_dir, 'label_map.txt'), 'w') as f:
        f.write('\n'.join(classes) + '\n')
    return {k: len(v) for k, v in data['split'].items()}
