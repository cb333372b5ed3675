# Copyright (c) mmaction-pose. All rights reserved.
"""MMDecodeFrames (frames in memory) gives exactly what mmaction2's MMDecode
gives for the same video file."""
from __future__ import annotations

import copy

import numpy as np
import pytest
from mmaction.datasets.transforms import MMDecode, MMUniformSampleFrames

from conftest import write_video
from mmaction_pose.datasets.transforms import MMDecodeFrames


@pytest.fixture
def sample(tmp_path, rng):
    path = write_video(tmp_path / 'clip.mp4', num_frames=16, size=(64, 32))
    kp = rng.uniform(0, 64, (1, 16, 13, 2)).astype(np.float32)
    results = dict(filename=str(path), frame_dir='clip', total_frames=16,
                   img_shape=(64, 96), original_shape=(64, 96),
                   keypoint=kp, keypoint_score=np.ones((1, 16, 13),
                                                       np.float32),
                   modality='Pose', start_index=0)
    sampler = MMUniformSampleFrames(clip_len=dict(RGB=4, Pose=8),
                                    num_clips=2, test_mode=True)
    return sampler(results)


def test_matches_mmdecode_on_the_same_frames(sample):
    import decord
    ref = MMDecode()(copy.deepcopy(sample))
    frames = decord.VideoReader(sample['filename'])[:].asnumpy()
    ours = copy.deepcopy(sample)
    del ours['filename']
    ours['frames'] = list(frames)
    ours = MMDecodeFrames()(ours)
    assert type(ours['imgs']) is type(ref['imgs'])  # a list of frames
    assert np.shape(ours['imgs']) == np.shape(ref['imgs']) == (8, 32, 64, 3)
    np.testing.assert_array_equal(np.stack(ours['imgs']),
                                  np.stack(ref['imgs']))
    # keypoints rescaled from the 96x64 annotation frame to the 64x32 video
    np.testing.assert_allclose(ours['keypoint'], ref['keypoint'], atol=1e-5)
    assert ours['img_shape'] == ref['img_shape'] == (32, 64)
    assert 'frames' not in ours


def test_pose_only_needs_no_frames(sample):
    sample['modality'] = ['Pose']
    out = MMDecodeFrames()(sample)
    assert out['keypoint'].shape == (1, 16, 13, 2) and 'imgs' not in out


def test_missing_frames_is_a_clear_error(sample):
    with pytest.raises(KeyError, match='frames'):
        MMDecodeFrames()(sample)
