ann_file = 'data/penn_action_rgb/annotations.pkl'
batch_size = 8
clip_len = dict(Pose=32, RGB=8)
custom_imports = dict(
    allow_failed_imports=False, imports=[
        'mmaction_pose.registry',
    ])
data_root = 'data/penn_action_rgb/'
dataset_type = 'PoseDataset'
default_hooks = dict(
    checkpoint=dict(
        interval=1, max_keep_ckpts=1, save_best=None, type='CheckpointHook'),
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
load_from = 'work_dirs/rgbpose_conv3d_penn_action_rendered_init.pth'
log_level = 'INFO'
log_processor = dict(by_epoch=True, type='LogProcessor', window_size=20)
max_epochs = 10
model = dict(
    backbone=dict(
        channel_ratio=4,
        pose_pathway=dict(
            base_channels=16,
            conv1_kernel=(
                1,
                5,
                5,
            ),
            conv1_stride_s=2,
            conv1_stride_t=1,
            depth=18,
            dilations=(
                1,
                1,
                1,
            ),
            fusion_kernel=7,
            in_channels=13,
            inflate=(
                0,
                1,
                1,
            ),
            lateral=True,
            lateral_activate=(
                0,
                1,
                1,
            ),
            lateral_infl=16,
            lateral_inv=True,
            num_stages=3,
            out_indices=(2, ),
            pool1_stride_s=1,
            pool1_stride_t=1,
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
                1,
            ),
            with_pool2=False,
            zero_init_residual=False),
        rgb_pathway=dict(
            base_channels=32,
            conv1_kernel=(
                1,
                5,
                5,
            ),
            depth=18,
            fusion_kernel=7,
            inflate=(
                0,
                0,
                1,
                1,
            ),
            lateral=True,
            lateral_activate=(
                0,
                0,
                1,
                1,
            ),
            lateral_infl=1,
            num_stages=4,
            pool1_stride_s=1,
            stage_blocks=(
                1,
                1,
                1,
                1,
            ),
            with_pool2=False,
            zero_init_residual=False),
        speed_ratio=4,
        type='RGBPoseConv3D'),
    cls_head=dict(
        average_clips='prob',
        dropout=0.5,
        in_channels=(
            256,
            64,
        ),
        loss_components=[
            'rgb',
            'pose',
        ],
        loss_weights=[
            1.0,
            1.0,
        ],
        num_classes=15,
        type='RGBPoseHead'),
    data_preprocessor=dict(
        preprocessors=dict(
            heatmap_imgs=dict(type='ActionDataPreprocessor'),
            imgs=dict(
                format_shape='NCTHW',
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
                type='ActionDataPreprocessor')),
        type='MultiModalDataPreprocessor'),
    type='MMRecognizer3D')
model_wrapper_cfg = dict(
    broadcast_buffers=False,
    device_ids=None,
    find_unused_parameters=False,
    type='MMDistributedDataParallel')
narrow_pose_pathway = dict(
    base_channels=16,
    conv1_kernel=(
        1,
        5,
        5,
    ),
    conv1_stride_s=2,
    depth=18,
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
    zero_init_residual=False)
narrow_rgb_pathway = dict(
    base_channels=32,
    conv1_kernel=(
        1,
        5,
        5,
    ),
    depth=18,
    pool1_stride_s=1,
    stage_blocks=(
        1,
        1,
        1,
        1,
    ),
    zero_init_residual=False)
num_classes = 15
num_joints = 13
num_test_clips = 10
num_workers = 1
optim_wrapper = dict(
    clip_grad=dict(max_norm=40, norm_type=2),
    optimizer=dict(lr=0.01, momentum=0.9, type='SGD', weight_decay=0.0001))
param_scheduler = [
    dict(
        begin=0,
        by_epoch=True,
        end=10,
        gamma=0.1,
        milestones=[
            6,
            8,
        ],
        type='MultiStepLR'),
]
randomness = dict(deterministic=False, diff_rank_seed=False, seed=0)
resume = False
rgb_size = 64
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
test_cfg = dict(type='TestLoop')
test_dataloader = dict(
    batch_size=1,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(
                clip_len=dict(Pose=32, RGB=8),
                num_clips=10,
                test_mode=True,
                type='MMUniformSampleFrames'),
            dict(type='MMDecode'),
            dict(allow_imgpad=True, hw_ratio=1.0, type='MMCompact'),
            dict(keep_ratio=False, scale=(
                64,
                64,
            ), type='Resize'),
            dict(
                scaling=0.5,
                sigma=0.6,
                type='GeneratePoseTarget',
                use_score=True,
                with_kp=True,
                with_limb=False),
            dict(input_format='NCTHW', type='FormatShape'),
            dict(
                collect_keys=(
                    'imgs',
                    'heatmap_imgs',
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
]
test_pipeline = [
    dict(
        clip_len=dict(Pose=32, RGB=8),
        num_clips=10,
        test_mode=True,
        type='MMUniformSampleFrames'),
    dict(type='MMDecode'),
    dict(allow_imgpad=True, hw_ratio=1.0, type='MMCompact'),
    dict(keep_ratio=False, scale=(
        64,
        64,
    ), type='Resize'),
    dict(
        scaling=0.5,
        sigma=0.6,
        type='GeneratePoseTarget',
        use_score=True,
        with_kp=True,
        with_limb=False),
    dict(input_format='NCTHW', type='FormatShape'),
    dict(collect_keys=(
        'imgs',
        'heatmap_imgs',
    ), type='PackActionInputs'),
]
train_cfg = dict(
    max_epochs=10, type='EpochBasedTrainLoop', val_begin=1, val_interval=5)
train_dataloader = dict(
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(
                clip_len=dict(Pose=32, RGB=8),
                num_clips=1,
                type='MMUniformSampleFrames'),
            dict(type='MMDecode'),
            dict(allow_imgpad=True, hw_ratio=1.0, type='MMCompact'),
            dict(keep_ratio=False, scale=(
                73,
                73,
            ), type='Resize'),
            dict(area_range=(
                0.56,
                1.0,
            ), type='RandomResizedCrop'),
            dict(keep_ratio=False, scale=(
                64,
                64,
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
                scaling=0.5,
                sigma=0.6,
                type='GeneratePoseTarget',
                use_score=True,
                with_kp=True,
                with_limb=False),
            dict(input_format='NCTHW', type='FormatShape'),
            dict(
                collect_keys=(
                    'imgs',
                    'heatmap_imgs',
                ),
                type='PackActionInputs'),
        ],
        split='train',
        type='PoseDataset'),
    num_workers=1,
    persistent_workers=True,
    sampler=dict(shuffle=True, type='DefaultSampler'))
train_pipeline = [
    dict(
        clip_len=dict(Pose=32, RGB=8),
        num_clips=1,
        type='MMUniformSampleFrames'),
    dict(type='MMDecode'),
    dict(allow_imgpad=True, hw_ratio=1.0, type='MMCompact'),
    dict(keep_ratio=False, scale=(
        73,
        73,
    ), type='Resize'),
    dict(area_range=(
        0.56,
        1.0,
    ), type='RandomResizedCrop'),
    dict(keep_ratio=False, scale=(
        64,
        64,
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
        scaling=0.5,
        sigma=0.6,
        type='GeneratePoseTarget',
        use_score=True,
        with_kp=True,
        with_limb=False),
    dict(input_format='NCTHW', type='FormatShape'),
    dict(collect_keys=(
        'imgs',
        'heatmap_imgs',
    ), type='PackActionInputs'),
]
val_cfg = dict(type='ValLoop')
val_dataloader = dict(
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(
                clip_len=dict(Pose=32, RGB=8),
                num_clips=1,
                test_mode=True,
                type='MMUniformSampleFrames'),
            dict(type='MMDecode'),
            dict(allow_imgpad=True, hw_ratio=1.0, type='MMCompact'),
            dict(keep_ratio=False, scale=(
                64,
                64,
            ), type='Resize'),
            dict(
                scaling=0.5,
                sigma=0.6,
                type='GeneratePoseTarget',
                use_score=True,
                with_kp=True,
                with_limb=False),
            dict(input_format='NCTHW', type='FormatShape'),
            dict(
                collect_keys=(
                    'imgs',
                    'heatmap_imgs',
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
]
val_pipeline = [
    dict(
        clip_len=dict(Pose=32, RGB=8),
        num_clips=1,
        test_mode=True,
        type='MMUniformSampleFrames'),
    dict(type='MMDecode'),
    dict(allow_imgpad=True, hw_ratio=1.0, type='MMCompact'),
    dict(keep_ratio=False, scale=(
        64,
        64,
    ), type='Resize'),
    dict(
        scaling=0.5,
        sigma=0.6,
        type='GeneratePoseTarget',
        use_score=True,
        with_kp=True,
        with_limb=False),
    dict(input_format='NCTHW', type='FormatShape'),
    dict(collect_keys=(
        'imgs',
        'heatmap_imgs',
    ), type='PackActionInputs'),
]
video_root = 'data/penn_action_rgb/'
vis_backends = [
    dict(type='LocalVisBackend'),
]
visualizer = dict(
    type='ActionVisualizer', vis_backends=[
        dict(type='LocalVisBackend'),
    ])
work_dir = './work_dirs/penn_action_rendered'
