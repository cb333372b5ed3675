# The "RGBAction person crop" ablation (Table 8/9) of
# action_machine_penn_action_rendered_kps_rgb.py: the same person-crop I3D
# and RGB head without the pose branch (no joints used in training).
_base_ = ['./action_machine_penn_action_rendered_kps_rgb.py']

model = dict(mode='rgb', pose_head=None, pose_decoder=None)
val_evaluator = test_evaluator = [dict(type='AccMetric')]
