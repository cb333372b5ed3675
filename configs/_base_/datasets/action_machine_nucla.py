# N-UCLA (10 actions, 3 Kinect v1 views; 480x640, 12 fps), stride 1; xview3:
# train on views 1+2, test on view 3 (leaves set xview1/2). Poses:
# tools/data/extract_poses.py (COCO-17) on the RGB videos, splits
# xview{1,2,3}_{train,test}.
_base_ = ['./action_machine_videos.py']

ann_file = 'data/nucla/nucla_rgb_coco17.pkl'
video_root = 'data/nucla/videos/'
num_classes = 10
frame_interval = 1
_build = __import__('mmaction_pose.datasets.action_machine_pipeline',
                    fromlist=['*']).person_crop_pipeline
_data = dict(ann_file=ann_file, data_prefix=dict(video=video_root))
train_dataloader = dict(dataset=dict(
    _data, split='xview3_train',
    pipeline=_build(False, frame_interval, _base_.left_kp, _base_.right_kp)))
val_dataloader = test_dataloader = dict(dataset=dict(
    _data, split='xview3_test',
    pipeline=_build(True, frame_interval, _base_.left_kp, _base_.right_kp)))
del _build, _data
