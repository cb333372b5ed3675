# NTU RGB+D 60 cross-view (train on cameras 2 and 3, test on camera 1), stride
# 8.
_base_ = ['./action_machine_videos.py']

ann_file = 'data/skeleton/ntu60_2d.pkl'
video_root = 'data/nturgbd_videos/'
num_classes = 60
frame_interval = 8
_build = __import__('mmaction_pose.datasets.action_machine_pipeline',
                    fromlist=['*']).person_crop_pipeline
_data = dict(ann_file=ann_file, data_prefix=dict(video=video_root))
train_dataloader = dict(dataset=dict(
    _data, split='xview_train',
    pipeline=_build(False, frame_interval, _base_.left_kp, _base_.right_kp)))
val_dataloader = test_dataloader = dict(dataset=dict(
    _data, split='xview_val',
    pipeline=_build(True, frame_interval, _base_.left_kp, _base_.right_kp)))
del _build, _data
