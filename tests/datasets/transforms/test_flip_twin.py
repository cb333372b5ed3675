# Copyright (c) mmaction-pose. All rights reserved.
"""AppendFlippedFrames: the mirrored frames appended after the originals."""
import numpy as np

from mmaction_pose.datasets.transforms import AppendFlippedFrames


def test_appends_mirrored_copies_in_order():
    rng = np.random.default_rng(0)
    frames = [rng.integers(0, 255, (4, 6, 3), dtype=np.uint8)
              for _ in range(3)]
    out = AppendFlippedFrames()(dict(imgs=list(frames)))['imgs']
    assert len(out) == 6
    for f, o in zip(frames, out[:3]):
        np.testing.assert_array_equal(f, o)
    for f, o in zip(frames, out[3:]):
        np.testing.assert_array_equal(f[:, ::-1], o)
        assert o.flags['C_CONTIGUOUS']


def test_repr():
    assert repr(AppendFlippedFrames()) == "AppendFlippedFrames(keys=('imgs',))"
