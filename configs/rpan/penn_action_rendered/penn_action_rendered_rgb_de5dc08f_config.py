ann_file = 'data/penn_action_rgb/annotations.pkl'
auto_scale_lr = dict(base_batch_size=16, enable=False)
batch_size = 8
custom_imports = dict(
    allow_failed_imports=False, imports=[
        'mmaction_pose.registry',
    ])
data_root = 'data/penn_action_rgb/'
dataset_type = 'PoseDataset'
default_hooks = dict(
    checkpoint=dict(
        interval=5, max_keep_ckpts=1, save_best=None, type='CheckpointHook'),
    epoch_seed=dict(type='EpochSeedHook'),
    logger=dict(ignore_last=False, interval=20, type='LoggerHook'),
    param_scheduler=dict(type='ParamSchedulerHook'),
    runtime_info=dict(type='RuntimeInfoHook'),
    sampler_seed=dict(type='DistSamplerSeedHook'),
    sync_buffers=dict(type='SyncBuffersHook'),
    timer=dict(type='IterTimerHook'))
default_scope = 'mmaction_pose'
env_cfg = dict(
    cudnn_benchmark=False,
    dist_cfg=dict(backend='gloo'),
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0))
frame_size = 128
heatmap_scaling = 0.5
launcher = 'pytorch'
left_kp = [
    1,
    3,
    5,
    7,
    9,
    11,
]
left_limb = [
    0,
    2,
    3,
    6,
    7,
    8,
]
load_from = None
log_level = 'INFO'
log_processor = dict(by_epoch=True, type='LogProcessor', window_size=20)
max_epochs = 30
model = dict(
    backbone=dict(
        frozen=False,
        in_channels=3,
        out_layer='inception_5a',
        out_stride=16,
        pretrained=None,
        type='BNInception',
        width_mult=0.25),
    cls_head=dict(
        att_dim=32,
        attention='human_part',
        average_clips='prob',
        hidden_dim=256,
        in_channels=256,
        loss_cls=dict(loss_weight=1.0, type='CrossEntropyLoss'),
        loss_pose=dict(loss_weight=1.0, type='RPANPoseLoss'),
        num_classes=15,
        num_steps=8,
        part_pool='concat',
        parts=[
            [
                0,
                1,
                2,
                7,
                8,
            ],
            [
                3,
                4,
            ],
            [
                5,
                6,
            ],
            [
                9,
                10,
            ],
            [
                11,
                12,
            ],
        ],
        predict_step='last',
        type='RPANHead'),
    data_preprocessor=dict(
        format_shape='NCHW',
        mean=[
            123.675,
            116.28,
            103.53,
        ],
        std=[
            58.395,
            57.12,
            57.375,
        ],
        to_rgb=False,
        type='ActionDataPreprocessor'),
    type='Recognizer2D')
model_wrapper_cfg = dict(
    broadcast_buffers=False,
    device_ids=None,
    find_unused_parameters=False,
    type='MMDistributedDataParallel')
num_classes = 15
num_joints = 13
num_segments = 8
num_test_clips = 10
num_workers = 1
optim_wrapper = dict(
    clip_grad=dict(max_norm=20, norm_type=2),
    optimizer=dict(lr=0.02, momentum=0.9, type='SGD', weight_decay=0.0005))
param_scheduler = [
    dict(
        begin=0,
        by_epoch=True,
        convert_to_iter_based=True,
        end=1,
        start_factor=0.1,
        type='LinearLR'),
    dict(
        T_max=29,
        begin=1,
        by_epoch=True,
        convert_to_iter_based=True,
        end=30,
        eta_min=0,
        type='CosineAnnealingLR'),
]
part_index = [
    [
        0,
        1,
        2,
        7,
        8,
    ],
    [
        3,
        4,
    ],
    [
        5,
        6,
    ],
    [
        9,
        10,
    ],
    [
        11,
        12,
    ],
]
pose_keys = (
    'pose_target',
    'pose_mask',
    'pose_keypoint',
)
randomness = dict(deterministic=False, diff_rank_seed=False, seed=0)
resume = False
rgb_mean = [
    123.675,
    116.28,
    103.53,
]
rgb_size = 64
rgb_std = [
    58.395,
    57.12,
    57.375,
]
right_kp = [
    2,
    4,
    6,
    8,
    10,
    12,
]
right_limb = [
    1,
    4,
    5,
    9,
    10,
    11,
]
sigma = 0.6
skeletons = [
    [
        0,
        1,
    ],
    [
        0,
        2,
    ],
    [
        1,
        3,
    ],
    [
        3,
        5,
    ],
    [
        2,
        4,
    ],
    [
        4,
        6,
    ],
    [
        1,
        7,
    ],
    [
        7,
        9,
    ],
    [
        9,
        11,
    ],
    [
        2,
        8,
    ],
    [
        8,
        10,
    ],
    [
        10,
        12,
    ],
    [
        7,
        8,
    ],
    [
        1,
        2,
    ],
]
target_sigma = 2.5
target_stride = 16
test_cfg = dict(type='TestLoop')
test_dataloader = dict(
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(type='DecordInit'),
            dict(
                clip_len=1,
                frame_interval=1,
                num_clips=8,
                test_mode=True,
                type='SampleFrames'),
            dict(type='DecordDecode'),
            dict(type='PoseDecode'),
            dict(keep_ratio=False, scale=(
                128,
                128,
            ), type='Resize'),
            dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget'),
            dict(input_format='NCHW', type='FormatShape'),
            dict(
                algorithm_keys=(
                    'pose_target',
                    'pose_mask',
                    'pose_keypoint',
                ),
                type='PackActionInputs'),
        ],
        split='test',
        test_mode=True,
        type='PoseDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
test_evaluator = [
    dict(type='AccMetric'),
    dict(thr=0.2, type='AttentionPCKMetric'),
]
test_pipeline = [
    dict(type='DecordInit'),
    dict(
        clip_len=1,
        frame_interval=1,
        num_clips=8,
        test_mode=True,
        type='SampleFrames'),
    dict(type='DecordDecode'),
    dict(type='PoseDecode'),
    dict(keep_ratio=False, scale=(
        128,
        128,
    ), type='Resize'),
    dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget'),
    dict(input_format='NCHW', type='FormatShape'),
    dict(
        algorithm_keys=(
            'pose_target',
            'pose_mask',
            'pose_keypoint',
        ),
        type='PackActionInputs'),
]
train_cfg = dict(
    max_epochs=30, type='EpochBasedTrainLoop', val_begin=1, val_interval=10)
train_dataloader = dict(
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(type='DecordInit'),
            dict(
                clip_len=1, frame_interval=1, num_clips=8,
                type='SampleFrames'),
            dict(type='DecordDecode'),
            dict(type='PoseDecode'),
            dict(keep_ratio=False, scale=(
                128,
                128,
            ), type='Resize'),
            dict(
                flip_ratio=0.5,
                left_kp=[
                    1,
                    3,
                    5,
                    7,
                    9,
                    11,
                ],
                right_kp=[
                    2,
                    4,
                    6,
                    8,
                    10,
                    12,
                ],
                type='Flip'),
            dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget'),
            dict(input_format='NCHW', type='FormatShape'),
            dict(
                algorithm_keys=(
                    'pose_target',
                    'pose_mask',
                    'pose_keypoint',
                ),
                type='PackActionInputs'),
        ],
        split='train',
        type='PoseDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=True, type='DefaultSampler'))
train_pipeline = [
    dict(type='DecordInit'),
    dict(clip_len=1, frame_interval=1, num_clips=8, type='SampleFrames'),
    dict(type='DecordDecode'),
    dict(type='PoseDecode'),
    dict(keep_ratio=False, scale=(
        128,
        128,
    ), type='Resize'),
    dict(
        flip_ratio=0.5,
        left_kp=[
            1,
            3,
            5,
            7,
            9,
            11,
        ],
        right_kp=[
            2,
            4,
            6,
            8,
            10,
            12,
        ],
        type='Flip'),
    dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget'),
    dict(input_format='NCHW', type='FormatShape'),
    dict(
        algorithm_keys=(
            'pose_target',
            'pose_mask',
            'pose_keypoint',
        ),
        type='PackActionInputs'),
]
val_cfg = dict(type='ValLoop')
val_dataloader = dict(
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(type='DecordInit'),
            dict(
                clip_len=1,
                frame_interval=1,
                num_clips=8,
                test_mode=True,
                type='SampleFrames'),
            dict(type='DecordDecode'),
            dict(type='PoseDecode'),
            dict(keep_ratio=False, scale=(
                128,
                128,
            ), type='Resize'),
            dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget'),
            dict(input_format='NCHW', type='FormatShape'),
            dict(
                algorithm_keys=(
                    'pose_target',
                    'pose_mask',
                    'pose_keypoint',
                ),
                type='PackActionInputs'),
        ],
        split='test',
        test_mode=True,
        type='PoseDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
val_evaluator = [
    dict(type='AccMetric'),
    dict(thr=0.2, type='AttentionPCKMetric'),
]
val_pipeline = [
    dict(type='DecordInit'),
    dict(
        clip_len=1,
        frame_interval=1,
        num_clips=8,
        test_mode=True,
        type='SampleFrames'),
    dict(type='DecordDecode'),
    dict(type='PoseDecode'),
    dict(keep_ratio=False, scale=(
        128,
        128,
    ), type='Resize'),
    dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget'),
    dict(input_format='NCHW', type='FormatShape'),
    dict(
        algorithm_keys=(
            'pose_target',
            'pose_mask',
            'pose_keypoint',
        ),
        type='PackActionInputs'),
]
video_root = 'data/penn_action_rgb/'
vis_backends = [
    dict(type='LocalVisBackend'),
]
visualizer = dict(
    type='ActionVisualizer', vis_backends=[
        dict(type='LocalVisBackend'),
    ])
work_dir = 'work_dirs/rpan_rgb'
