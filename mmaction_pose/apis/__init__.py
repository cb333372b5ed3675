# Copyright (c) mmaction-pose. All rights reserved.
"""Inference APIs: pose backends, tracking, skeleton recognition, drawing.

Nothing heavy is imported here: import the submodules you need
(``mmaction_pose.apis.pose_backends``, ``mmaction_pose.apis.inference``,
``mmaction_pose.apis.visualization``, ``mmaction_pose.apis.video_io``,
``mmaction_pose.apis.pose_extraction``, ``mmaction_pose.apis.realtime``).
"""
__all__: list = []
