# Copyright (c) mmaction-pose. All rights reserved.
"""demo/demo_skeleton.py with an RPAN model (frames only, pose attention):
the in-memory frame decoding, the recognizer without poses, the demo end to
end with ``--draw-attention``, and the attention drawing."""
from __future__ import annotations

import copy

import numpy as np
import pytest
import torch
from mmaction.datasets.transforms import (DecordDecode, DecordInit,
                                          SampleFrames)

from conftest import ROOT, load_script, write_video
from mmaction_pose.apis.inference import SkeletonRecognizer
from mmaction_pose.apis.video_io import read_video
from mmaction_pose.apis.visualization import (attention_steps,
                                              draw_attention, joint_colour)
from mmaction_pose.datasets.transforms import DecordDecodeFrames
from mmaction_pose.structures.skeleton_layouts import PENN13

CONFIG = ROOT / 'configs' / 'rpan' / 'penn_action_rendered_rgb.py'

demo = load_script('demo/demo_skeleton.py')


@pytest.fixture(scope='module')
def rpan_model(tmp_path_factory) -> tuple[str, str]:
    """The CPU RPAN config and a random-weight checkpoint."""
    recognizer = SkeletonRecognizer(str(CONFIG), None)
    ckpt = tmp_path_factory.mktemp('rpan') / 'random.pth'
    torch.save(recognizer.model.state_dict(), ckpt)
    return str(CONFIG), str(ckpt)


@pytest.fixture
def clip(tmp_path):
    """16 frames of 128x128 noise (decord fails on some odd sizes)."""
    return write_video(tmp_path / 'clip.mp4', num_frames=16, size=(128, 128))


def _sampled(path, **sampling) -> dict:
    results = dict(filename=str(path), start_index=0, modality='RGB')
    results = DecordInit()(results)
    return SampleFrames(**sampling)(results)


@pytest.mark.parametrize('sampling', [
    dict(clip_len=1, num_clips=8, test_mode=True),
    dict(clip_len=3, frame_interval=2, num_clips=2, test_mode=True),
    dict(clip_len=1, num_clips=24, test_mode=True),  # repeated frames
])
def test_decord_decode_frames_matches_decord_decode(clip, sampling):
    import decord
    sample = _sampled(clip, **sampling)
    ours = {k: v for k, v in sample.items() if k != 'video_reader'}
    ours['frames'] = list(decord.VideoReader(str(clip))[:].asnumpy())
    ours = DecordDecodeFrames()(copy.deepcopy(ours))
    ref = DecordDecode()(sample)
    assert type(ours['imgs']) is type(ref['imgs']) is list
    np.testing.assert_array_equal(np.stack(ours['imgs']),
                                  np.stack(ref['imgs']))
    np.testing.assert_array_equal(ours['frame_inds'], ref['frame_inds'])
    assert ours['img_shape'] == ref['img_shape'] == (128, 128)
    assert ours['original_shape'] == ref['original_shape']
    assert 'frames' not in ours


def test_demo_frames_are_decords_frames(clip):
    """The demo reads with cv2 and passes RGB: the frames decord decodes."""
    import decord
    frames, _ = read_video(str(clip), short_side=0)
    np.testing.assert_array_equal(
        np.stack(frames)[..., ::-1],
        decord.VideoReader(str(clip))[:].asnumpy())


def test_decord_decode_frames_without_frames_is_a_clear_error(clip):
    sample = _sampled(clip, clip_len=1, num_clips=8, test_mode=True)
    with pytest.raises(KeyError, match='frames'):
        DecordDecodeFrames()(sample)


def test_recognizer_classifies_frames_with_or_without_poses(rpan_model,
                                                            rng):
    recognizer = SkeletonRecognizer(*rpan_model)
    assert recognizer.uses_rgb and not recognizer.needs_poses
    assert recognizer.predicts_attention
    types = [s['type'] for s in recognizer.pipeline_cfg]
    assert 'DecordInit' not in types and 'DecordDecode' not in types
    assert 'DecordDecodeFrames' in types
    frames = [rng.integers(0, 255, (64, 96, 3), np.uint8) for _ in range(12)]
    with pytest.raises(ValueError, match='frames'):
        recognizer.predict(None, None, (64, 96))
    scores = recognizer.predict(None, None, (64, 96), frames=frames)
    assert scores.shape == (15, ) and abs(scores.sum() - 1) < 1e-4
    att = recognizer.last_attention
    assert att.shape == (8, 13, 8, 8)
    np.testing.assert_allclose(att.sum((-2, -1)), 1, atol=1e-5)
    # SampleFrames' segment centres of 12 frames in 8 segments
    np.testing.assert_array_equal(recognizer.last_frame_inds,
                                  [0, 2, 3, 5, 6, 8, 9, 11])
    dots = recognizer.last_attention_keypoints
    assert dots.shape == (8, 13, 2)
    assert (dots >= 0).all() and (dots < [96, 64]).all()
    # dots in frame pixels: the centre of the argmax cell of the 8x8 grid
    cell = att[0, 0].reshape(-1).argmax()
    np.testing.assert_allclose(
        dots[0, 0], [(cell % 8 + .5) * 96 / 8, (cell // 8 + .5) * 64 / 8])
    # poses do not change RPAN's test-time prediction
    kp = rng.uniform(5, 60, (1, 12, 17, 2)).astype(np.float32)
    with_poses = recognizer.predict(kp, np.ones((1, 12, 17), np.float32),
                                    (64, 96), frames=frames)
    np.testing.assert_allclose(with_poses, scores, atol=1e-6)


def _demo(video, out, model, *extra) -> int:
    return demo.main([str(video), str(out), '--config', model[0],
                      '--checkpoint', model[1], '--short-side', '0',
                      '--pose-backend', 'conftest:FakePoseBackend', *extra])


def test_demo_draws_rpan_attention(tmp_path, rpan_model, capsys):
    video = write_video(tmp_path / 'clip.mp4', num_frames=12,
                        size=(128, 96))
    plain, drawn = tmp_path / 'plain.mp4', tmp_path / 'drawn.mp4'
    assert _demo(video, plain, rpan_model) == 0
    assert _demo(video, drawn, rpan_model, '--draw-attention') == 0
    assert capsys.readouterr().out.count(': 0.') >= 6  # 2 x top-3 labels
    plain, drawn = read_video(str(plain))[0], read_video(str(drawn))[0]
    assert len(plain) == len(drawn) == 12
    assert drawn[0].shape == (96, 128, 3)
    # every frame is at or after the first sampled one (frame 0)
    diff = np.abs(np.stack(drawn).astype(int) - np.stack(plain))
    assert (diff.mean((1, 2, 3)) > 5).all()


def test_demo_rpan_without_person_still_classifies(tmp_path, rpan_model,
                                                   capsys):
    video = write_video(tmp_path / 'dark.mp4', num_frames=8, size=(64, 64),
                        dark_frames=tuple(range(8)))
    assert _demo(video, tmp_path / 'o.mp4', rpan_model) == 0
    captured = capsys.readouterr()
    assert 'classifies the frames alone' in captured.err
    assert captured.out.count(': 0.') >= 3


def test_draw_attention_needs_an_attention_model(tiny_video, tmp_path,
                                                 skeleton_model, capsys):
    assert _demo(tiny_video, tmp_path / 'o.mp4', skeleton_model,
                 '--draw-attention') == 1
    err = [line for line in capsys.readouterr().err.splitlines()
           if line.startswith('error:')]
    assert len(err) == 1 and '--draw-attention' in err[0]
    assert 'pose attention' in err[0]
    assert not (tmp_path / 'o.mp4').exists()


def test_draw_attention_is_hottest_where_attention_peaks():
    frame = np.full((64, 96, 3), 100, np.uint8)
    att = np.full((13, 8, 8), 1e-3, np.float32)
    att[:, 5, 2] = 1  # every joint on cell (row 5, col 2)
    att /= att.sum((1, 2), keepdims=True)
    dots = np.tile([[(2 + .5) * 12, (5 + .5) * 8]], (13, 1))
    out = draw_attention(frame, att, dots, PENN13)
    assert (frame == 100).all() and out.shape == frame.shape
    red_minus_blue = out[..., 2].astype(int) - out[..., 0]
    y, x = np.unravel_index(red_minus_blue.argmax(), red_minus_blue.shape)
    assert 5 * 8 <= y < 6 * 8 and 2 * 12 <= x < 3 * 12
    assert red_minus_blue[4, 90] < 0  # cold (blue) far from the peak
    # the last joint's dot is on top, in its side's colour
    assert tuple(out[44, 30]) == joint_colour(PENN13, 12)


def test_draw_attention_dots_take_the_side_colours():
    frame = np.zeros((80, 80, 3), np.uint8)
    att = np.full((13, 4, 4), 1 / 16, np.float32)
    dots = np.array([[10 + 5 * j, 10 + 5 * j] for j in range(13)], float)
    out = draw_attention(frame, att, dots, PENN13, radius=1)
    centre, left, right = (0, 220, 0), (255, 128, 0), (0, 128, 255)
    expected = [centre] + [left, right] * 6  # head, then left/right pairs
    assert [tuple(out[10 + 5 * j, 10 + 5 * j]) for j in range(13)] == \
        expected
    assert [joint_colour(PENN13, j) for j in range(13)] == expected
    with pytest.raises(ValueError, match='penn13'):
        draw_attention(frame, att[:5], dots[:5], PENN13)


def test_attention_steps_hold_until_the_next_sampled_frame():
    np.testing.assert_array_equal(attention_steps([2, 5, 5, 7], 10),
                                  [-1, -1, 0, 0, 0, 2, 2, 3, 3, 3])
