# MSR Daily Activity3D (16 activities, 320 videos), stride 8; subjects 1, 3,
# 5, 7, 9 train, the rest test. Poses: tools/data/extract_poses.py (COCO-17).
_base_ = ['./action_machine_videos.py']

ann_file = 'data/msr_daily/msr_daily_coco17.pkl'
video_root = 'data/msr_daily/videos/'
num_classes = 16
frame_interval = 8
_build = __import__('mmaction_pose.datasets.action_machine_pipeline',
                    fromlist=['*']).person_crop_pipeline
_data = dict(ann_file=ann_file, data_prefix=dict(video=video_root))
train_dataloader = dict(dataset=dict(
    _data, split='train',
    pipeline=_build(False, frame_interval, _base_.left_kp, _base_.right_kp)))
val_dataloader = test_dataloader = dict(dataset=dict(
    _data, split='test',
    pipeline=_build(True, frame_interval, _base_.left_kp, _base_.right_kp)))
del _build, _data
