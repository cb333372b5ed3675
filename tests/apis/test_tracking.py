# Copyright (c) mmaction-pose. All rights reserved.
"""PoseTracker keeps indices; stack_tracks builds aligned arrays."""
from __future__ import annotations

import numpy as np

from mmaction_pose.apis.pose_backends import (FramePoses, PoseTracker,
                                              boxes_from_keypoints,
                                              stack_tracks)
from mmaction_pose.apis.pose_backends.tracking import (box_iou,
                                                       keypoint_similarity)


def person(cx: float, cy: float, rng) -> np.ndarray:
    return np.array([cx, cy]) + rng.uniform(-20, 20, (17, 2))


def frame(people: list[np.ndarray]) -> FramePoses:
    if not people:
        return FramePoses()
    kp = np.stack(people).astype(np.float32)
    sc = np.ones(kp.shape[:2], np.float32)
    return FramePoses(boxes_from_keypoints(kp, sc), kp, sc)


def test_box_iou_exact_value():
    a = np.array([[0, 0, 10, 10]], np.float32)
    b = np.array([[5, 0, 15, 10], [20, 20, 30, 30]], np.float32)
    np.testing.assert_allclose(box_iou(a, b), [[50 / 150, 0]])


def test_keypoint_similarity_is_one_for_identical_poses(rng):
    kp = rng.uniform(0, 100, (1, 17, 2))
    sc = np.ones((1, 17))
    boxes = boxes_from_keypoints(kp, sc)
    np.testing.assert_allclose(
        keypoint_similarity(kp, sc, kp, sc, boxes), [[1.0]])


def test_tracker_keeps_ids_when_detection_order_swaps(rng):
    a, b = person(100, 100, rng), person(300, 100, rng)
    tracker = PoseTracker()
    first = tracker.update(frame([a, b]))
    assert first.track_ids.tolist() == [0, 1]
    # same people, moved a little, reported in the other order
    second = tracker.update(frame([b + 5, a + 5]))
    assert second.track_ids.tolist() == [1, 0]


def test_tracker_survives_empty_frames_and_reopens_within_max_age(rng):
    a = person(100, 100, rng)
    tracker = PoseTracker(max_age=3)
    tracker.update(frame([a]))
    assert len(tracker.update(frame([]))) == 0
    assert tracker.update(frame([a + 2])).track_ids.tolist() == [0]
    for _ in range(4):
        tracker.update(frame([]))
    assert tracker.update(frame([a])).track_ids.tolist() == [1]


def test_tracker_max_tracks_drops_extra_people(rng):
    tracker = PoseTracker(max_tracks=1)
    out = tracker.update(frame([person(100, 100, rng),
                                person(400, 100, rng)]))
    assert out.track_ids.tolist() == [0]
    assert tracker.num_tracks == 1


def test_stack_tracks_aligns_frames_and_tracks(rng):
    a, b = person(100, 100, rng), person(300, 100, rng)
    tracker = PoseTracker()
    frames = [tracker.update(f) for f in
              (frame([a, b]), frame([]), frame([b + 3]), frame([a, b]))]
    arrays = stack_tracks(frames)
    assert arrays['keypoint'].shape == (2, 4, 17, 2)
    assert arrays['box'].shape == (2, 4, 4)
    present = arrays['keypoint_score'].sum(-1) > 0
    assert present.tolist() == [[True, False, False, True],
                                [True, False, True, True]]
    np.testing.assert_allclose(arrays['keypoint'][1, 2], b + 3, rtol=1e-6)


def test_stack_tracks_max_people_keeps_most_confident(rng):
    tracker = PoseTracker()
    frames = [tracker.update(frame([person(100, 100, rng)])),
              tracker.update(frame([person(100, 100, rng),
                                    person(400, 100, rng)]))]
    arrays = stack_tracks(frames, max_people=1)
    assert arrays['keypoint'].shape[0] == 1
    assert (arrays['keypoint_score'][0].sum(-1) > 0).all()


def test_stack_tracks_nobody_gives_zero_people():
    arrays = stack_tracks([FramePoses(), FramePoses()])
    assert arrays['keypoint'].shape == (0, 2, 17, 2)


def test_stack_tracks_places_untracked_people_after_tracks(rng):
    frames = [frame([person(100, 100, rng), person(200, 100, rng)])]
    arrays = stack_tracks(frames)
    assert arrays['keypoint'].shape[0] == 2
