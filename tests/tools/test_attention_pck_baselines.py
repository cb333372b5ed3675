# Copyright (c) mmaction-pose. All rights reserved.
"""tools/analysis_tools/attention_pck_baselines.py on known answers."""
import json

import numpy as np

from conftest import load_script


def clip(name, xy, total=8):
    kp = np.broadcast_to(np.asarray(xy, np.float32),
                         (1, total, len(xy), 2)).copy()
    return dict(frame_dir=name, filename=name + '.mp4', total_frames=total,
                img_shape=(64, 64), keypoint=kp,
                keypoint_score=np.ones(kp.shape[:-1], np.float32))


def test_prior_and_grid_bound(tmp_path, capsys):
    tool = load_script('tools/analysis_tools/attention_pck_baselines.py')
    # Training joints at (8, 8) and (40, 40): cells 0 and 2 of a 16-px grid.
    train = clip('a', [[8, 8], [40, 40]])
    # Test joints at (8, 8) and (56, 56): box 48 px -> threshold 9.6 px.
    # Joint 0 is on its prior cell centre, joint 1 is 22.6 px from its
    # prior (40, 40): prior PCK 1/2; both sit on cell centres: bound 1.
    test = clip('b', [[8, 8], [56, 56]])
    data = dict(split=dict(train=['a.mp4'], test=['b.mp4']),
                annotations=[train, test])
    res = tool.baselines(data, cell=16, alpha=0.2, segments=4,
                         train='train', test='test')
    assert res == dict(prior=0.5, grid_bound=1.0)
    import pickle
    ann = tmp_path / 'ann.pkl'
    ann.write_bytes(pickle.dumps(data))
    assert tool.main([str(ann), '--segments', '4']) == 0
    assert json.loads(capsys.readouterr().out) == res
