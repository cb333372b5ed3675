# The "RGBAction person crop" ablation (Table 8) on NTU RGB+D 60
# cross-subject: the person-crop I3D and its RGB head, no pose branch.
_base_ = ['./ntu60_xsub_kps_rgb.py']

model = dict(mode='rgb', pose_head=None, pose_decoder=None)
val_evaluator = test_evaluator = [dict(type='AccMetric')]
