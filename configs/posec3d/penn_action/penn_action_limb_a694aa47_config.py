_limb = dict(
    skeletons=[
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
    ],
    with_kp=False,
    with_limb=True)
ann_file = 'data/penn_action/penn_action.pkl'
auto_scale_lr = dict(base_batch_size=16, enable=False)
base_lr = 0.2
batch_size = 16
clip_len = 32
custom_imports = dict(
    allow_failed_imports=False, imports=[
        'mmaction_pose.registry',
    ])
dataset_type = 'PoseDataset'
default_hooks = dict(
    checkpoint=dict(
        interval=5, max_keep_ckpts=1, save_best=None, type='CheckpointHook'),
    logger=dict(ignore_last=False, interval=20, type='LoggerHook'),
    param_scheduler=dict(type='ParamSchedulerHook'),
    runtime_info=dict(type='RuntimeInfoHook'),
    sampler_seed=dict(type='DistSamplerSeedHook'),
    sync_buffers=dict(type='SyncBuffersHook'),
    timer=dict(type='IterTimerHook'))
default_scope = 'mmaction_pose'
env_cfg = dict(
    cudnn_benchmark=False,
    dist_cfg=dict(backend='nccl'),
    mp_cfg=dict(mp_start_method='fork', opencv_num_threads=0))
heatmap_size = 32
launcher = 'none'
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
max_epochs = 40
model = dict(
    backbone=dict(
        base_channels=16,
        conv1_kernel=(
            1,
            5,
            5,
        ),
        conv1_stride_s=2,
        depth=18,
        dilations=(
            1,
            1,
            1,
        ),
        in_channels=14,
        inflate=(
            0,
            1,
            1,
        ),
        num_stages=3,
        out_indices=(2, ),
        pool1_stride_s=1,
        pretrained=None,
        spatial_strides=(
            1,
            2,
            2,
        ),
        stage_blocks=(
            1,
            1,
            1,
        ),
        temporal_strides=(
            1,
            1,
            2,
        ),
        type='ResNet3dSlowOnly',
        with_pool1=False,
        zero_init_residual=False),
    cls_head=dict(
        average_clips='prob',
        dropout_ratio=0.2,
        in_channels=64,
        label_smooth_eps=0.1,
        num_classes=15,
        type='I3DHead'),
    type='Recognizer3D')
num_classes = 15
num_joints = 13
num_test_clips = 10
num_workers = 2
optim_wrapper = dict(
    clip_grad=dict(max_norm=40, norm_type=2),
    optimizer=dict(lr=0.1, momentum=0.9, type='SGD', weight_decay=0.0003))
param_scheduler = [
    dict(
        begin=0,
        by_epoch=True,
        convert_to_iter_based=True,
        end=1,
        start_factor=0.1,
        type='LinearLR'),
    dict(
        T_max=39,
        begin=1,
        by_epoch=True,
        convert_to_iter_based=True,
        end=40,
        eta_min=0,
        type='CosineAnnealingLR'),
]
randomness = dict(deterministic=False, diff_rank_seed=False, seed=0)
resume = False
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
test_cfg = dict(type='TestLoop')
test_dataloader = dict(
    batch_size=1,
    dataset=dict(
        ann_file='data/penn_action/penn_action.pkl',
        pipeline=[
            dict(
                clip_len=32,
                num_clips=10,
                test_mode=True,
                type='UniformSampleFrames'),
            dict(type='PoseDecode'),
            dict(allow_imgpad=True, hw_ratio=1.0, type='PoseCompact'),
            dict(keep_ratio=False, scale=(
                32,
                32,
            ), type='Resize'),
            dict(
                double=True,
                left_kp=[
                    1,
                    3,
                    5,
                    7,
                    9,
                    11,
                ],
                left_limb=[
                    0,
                    2,
                    3,
                    6,
                    7,
                    8,
                ],
                right_kp=[
                    2,
                    4,
                    6,
                    8,
                    10,
                    12,
                ],
                right_limb=[
                    1,
                    4,
                    5,
                    9,
                    10,
                    11,
                ],
                sigma=0.6,
                skeletons=[
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
                ],
                type='GeneratePoseTarget',
                use_score=True,
                with_kp=False,
                with_limb=True),
            dict(input_format='NCTHW_Heatmap', type='FormatShape'),
            dict(type='PackActionInputs'),
        ],
        split='test',
        test_mode=True,
        type='PoseDataset'),
    num_workers=2,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
test_evaluator = [
    dict(type='AccMetric'),
]
test_pipeline = [
    dict(
        clip_len=32, num_clips=10, test_mode=True, type='UniformSampleFrames'),
    dict(type='PoseDecode'),
    dict(allow_imgpad=True, hw_ratio=1.0, type='PoseCompact'),
    dict(keep_ratio=False, scale=(
        32,
        32,
    ), type='Resize'),
    dict(
        double=True,
        left_kp=[
            1,
            3,
            5,
            7,
            9,
            11,
        ],
        left_limb=[
            0,
            2,
            3,
            6,
            7,
            8,
        ],
        right_kp=[
            2,
            4,
            6,
            8,
            10,
            12,
        ],
        right_limb=[
            1,
            4,
            5,
            9,
            10,
            11,
        ],
        sigma=0.6,
        skeletons=[
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
        ],
        type='GeneratePoseTarget',
        use_score=True,
        with_kp=False,
        with_limb=True),
    dict(input_format='NCTHW_Heatmap', type='FormatShape'),
    dict(type='PackActionInputs'),
]
train_cfg = dict(
    max_epochs=40, type='EpochBasedTrainLoop', val_begin=1, val_interval=5)
train_dataloader = dict(
    batch_size=16,
    dataset=dict(
        dataset=dict(
            ann_file='data/penn_action/penn_action.pkl',
            pipeline=[
                dict(clip_len=32, type='UniformSampleFrames'),
                dict(type='PoseDecode'),
                dict(allow_imgpad=True, hw_ratio=1.0, type='PoseCompact'),
                dict(scale=(
                    -1,
                    36,
                ), type='Resize'),
                dict(area_range=(
                    0.56,
                    1.0,
                ), type='RandomResizedCrop'),
                dict(keep_ratio=False, scale=(
                    32,
                    32,
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
                dict(
                    sigma=0.6,
                    skeletons=[
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
                    ],
                    type='GeneratePoseTarget',
                    use_score=True,
                    with_kp=False,
                    with_limb=True),
                dict(input_format='NCTHW_Heatmap', type='FormatShape'),
                dict(type='PackActionInputs'),
            ],
            split='train',
            type='PoseDataset'),
        times=1,
        type='RepeatDataset'),
    num_workers=2,
    persistent_workers=True,
    sampler=dict(shuffle=True, type='DefaultSampler'))
train_pipeline = [
    dict(clip_len=32, type='UniformSampleFrames'),
    dict(type='PoseDecode'),
    dict(allow_imgpad=True, hw_ratio=1.0, type='PoseCompact'),
    dict(scale=(
        -1,
        36,
    ), type='Resize'),
    dict(area_range=(
        0.56,
        1.0,
    ), type='RandomResizedCrop'),
    dict(keep_ratio=False, scale=(
        32,
        32,
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
    dict(
        sigma=0.6,
        skeletons=[
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
        ],
        type='GeneratePoseTarget',
        use_score=True,
        with_kp=False,
        with_limb=True),
    dict(input_format='NCTHW_Heatmap', type='FormatShape'),
    dict(type='PackActionInputs'),
]
train_repeat = 1
val_cfg = dict(type='ValLoop')
val_dataloader = dict(
    batch_size=16,
    dataset=dict(
        ann_file='data/penn_action/penn_action.pkl',
        pipeline=[
            dict(
                clip_len=32,
                num_clips=1,
                test_mode=True,
                type='UniformSampleFrames'),
            dict(type='PoseDecode'),
            dict(allow_imgpad=True, hw_ratio=1.0, type='PoseCompact'),
            dict(keep_ratio=False, scale=(
                32,
                32,
            ), type='Resize'),
            dict(
                sigma=0.6,
                skeletons=[
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
                ],
                type='GeneratePoseTarget',
                use_score=True,
                with_kp=False,
                with_limb=True),
            dict(input_format='NCTHW_Heatmap', type='FormatShape'),
            dict(type='PackActionInputs'),
        ],
        split='test',
        test_mode=True,
        type='PoseDataset'),
    num_workers=2,
    persistent_workers=True,
    sampler=dict(shuffle=False, type='DefaultSampler'))
val_evaluator = [
    dict(type='AccMetric'),
]
val_pipeline = [
    dict(clip_len=32, num_clips=1, test_mode=True, type='UniformSampleFrames'),
    dict(type='PoseDecode'),
    dict(allow_imgpad=True, hw_ratio=1.0, type='PoseCompact'),
    dict(keep_ratio=False, scale=(
        32,
        32,
    ), type='Resize'),
    dict(
        sigma=0.6,
        skeletons=[
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
        ],
        type='GeneratePoseTarget',
        use_score=True,
        with_kp=False,
        with_limb=True),
    dict(input_format='NCTHW_Heatmap', type='FormatShape'),
    dict(type='PackActionInputs'),
]
vis_backends = [
    dict(type='LocalVisBackend'),
]
visualizer = dict(
    type='ActionVisualizer', vis_backends=[
        dict(type='LocalVisBackend'),
    ])
work_dir = 'work_dirs/penn_limb'
