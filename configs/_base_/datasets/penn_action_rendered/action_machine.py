# Rendered Penn Action (see common.py; NOT real footage) for Action Machine:
# person-centric 8-frame clips of stride 8 (the paper's stride for NTU's
# 30 fps; 64 frames cover the median Penn Action clip of 56), one box
# per video around every joint of every frame (the renderings have no
# detector boxes; the paper's union of detections is the same idea),
# jittered, squared and resized to 96x96 (the CPU size of the paper's 224),
# mirroring with left/right joints swapped; the joints of every frame for the
# pose branch. Test: 2 clips (the paper: 10) x 3 box crops (up left, centre,
# down right of a 110 px view, 110/96 = the paper's 256/224).
_base_ = ['./rgb.py']  # its data and dataloaders; our pipelines

crop_size = 96
frame_interval = 8
num_test_clips = 2

_build = __import__('mmaction_pose.datasets.action_machine_pipeline',
                    fromlist=['*']).person_crop_pipeline
_args = dict(frame_interval=frame_interval, left_kp=_base_.left_kp,
             right_kp=_base_.right_kp, crop_size=crop_size,
             num_test_clips=num_test_clips, test_scale=110 / 96)
train_pipeline = _build(False, **_args)
val_pipeline = test_pipeline = _build(True, **_args)
del _build, _args

train_dataloader = dict(dataset=dict(pipeline=train_pipeline))
val_dataloader = dict(dataset=dict(pipeline=val_pipeline))
test_dataloader = dict(batch_size=_base_.batch_size,
                       dataset=dict(pipeline=test_pipeline))

# Each head and their 1:1 sum (AccMetric: rgb_top1, pose_top1,
# RGBPose_1:1_top1), and the pose branch's PCK@0.2 over every view's frames.
val_evaluator = test_evaluator = [
    dict(type='AccMetric'),
    dict(type='KeypointPCKMetric', thr=0.2)
]
