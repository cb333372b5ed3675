ann_file = 'data/penn_action_rgb/annotations.pkl'
auto_scale_lr = dict(base_batch_size=16, enable=False)
batch_size = 8
clip_len = dict(RGB=8)
crop_size = 96
custom_imports = dict(
    allow_failed_imports=False, imports=[
        'mmaction_pose.registry',
    ])
data_root = 'data/penn_action_rgb/'
dataset_type = 'PoseDataset'
default_hooks = dict(
    checkpoint=dict(
        interval=4, max_keep_ckpts=1, save_best=None, type='CheckpointHook'),
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
frame_interval = 8
gcn_graph = dict(
    center=0,
    inward=[
        (
            1,
            0,
        ),
        (
            2,
            0,
        ),
        (
            3,
            1,
        ),
        (
            7,
            1,
        ),
        (
            4,
            2,
        ),
        (
            8,
            2,
        ),
        (
            5,
            3,
        ),
        (
            9,
            7,
        ),
        (
            6,
            4,
        ),
        (
            10,
            8,
        ),
        (
            11,
            9,
        ),
        (
            12,
            10,
        ),
    ],
    num_node=13)
heatmap_scaling = 0.5
launcher = 'pytorch'
layout = 'penn13'
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
load_from = 'work_dirs/action_machine_penn_action_rendered_kps_rgb_more/epoch_30.pth'
log_level = 'INFO'
log_processor = dict(by_epoch=True, type='LogProcessor', window_size=20)
max_epochs = 48
model = dict(
    backbone=dict(
        base_channels=16,
        conv1_kernel=(
            5,
            7,
            7,
        ),
        conv1_stride_s=2,
        conv1_stride_t=1,
        depth=50,
        inflate=(
            1,
            1,
            1,
            1,
        ),
        inflate_style='3x1x1',
        norm_eval=False,
        out_indices=(3, ),
        pool1_stride_s=2,
        pool1_stride_t=1,
        pretrained=None,
        pretrained2d=False,
        spatial_strides=(
            1,
            2,
            2,
            2,
        ),
        temporal_strides=(
            1,
            1,
            1,
            1,
        ),
        type='ResNet3d',
        with_pool1=True,
        with_pool2=False,
        zero_init_residual=True),
    cls_head=dict(
        average_clips='prob',
        dropout_ratio=0.5,
        in_channels=512,
        init_std=0.01,
        label_smooth_eps=0.1,
        num_classes=15,
        spatial_type='avg',
        type='I3DHead'),
    data_preprocessor=dict(
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
        type='ActionDataPreprocessor'),
    loss_weights=(
        1.0,
        1.0,
        1.0,
    ),
    mode='pose_cls_only',
    pose_backbone=dict(
        base_channels=16, depth=18, pretrained=None, type='PoseResNet2d'),
    pose_cls_head=dict(
        average_clips='prob',
        consensus=dict(dim=1, type='AvgConsensus'),
        dropout_ratio=0.5,
        in_channels=128,
        init_std=0.01,
        label_smooth_eps=0.1,
        num_classes=15,
        spatial_type='avg',
        type='TSNHead'),
    pose_decoder=dict(num_keypoints=13, stride=8, type='HeatmapOffsetDecoder'),
    pose_head=dict(
        in_channels=512,
        lambda_h=0.5,
        lambda_o=0.5,
        num_deconv_filters=(
            64,
            64,
        ),
        num_deconv_kernels=(
            4,
            4,
        ),
        num_keypoints=13,
        radius=16.0,
        stride=8,
        type='DeconvKeypointHead'),
    type='ActionMachine')
model_wrapper_cfg = dict(
    broadcast_buffers=False,
    device_ids=None,
    find_unused_parameters=False,
    type='MMDistributedDataParallel')
num_classes = 15
num_joints = 13
num_keypoints = 13
num_test_clips = 2
num_workers = 1
optim_wrapper = dict(
    clip_grad=dict(clip_value=2, type='value'),
    optimizer=dict(lr=0.05, momentum=0.9, type='SGD', weight_decay=0.0001))
param_scheduler = [
    dict(
        begin=0,
        by_epoch=True,
        convert_to_iter_based=True,
        end=1,
        start_factor=0.1,
        type='LinearLR'),
    dict(
        T_max=47,
        begin=1,
        by_epoch=True,
        convert_to_iter_based=True,
        end=48,
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
rpan_evaluator = [
    dict(type='AccMetric'),
    dict(thr=0.2, type='AttentionPCKMetric'),
]
rpan_keys = (
    'pose_target',
    'pose_mask',
    'pose_keypoint',
)
rpan_target = dict(sigma=2.5, stride=16, type='GenerateRPANPoseTarget')
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
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(type='DecordInit'),
            dict(
                clip_len=8,
                frame_interval=8,
                num_clips=2,
                test_mode=True,
                type='SampleFrames'),
            dict(type='DecordDecode'),
            dict(
                box_score_thr=0.99,
                context_scale=1.1458333333333333,
                jitter=False,
                out_size=(
                    110,
                    110,
                ),
                score_thr=0.2,
                type='PersonBoxCrop'),
            dict(type='PoseDecode'),
            dict(crop_size=96, type='BoxThreeCrop'),
            dict(score_thr=0.2, type='SelectTargetJoints'),
            dict(input_format='NCTHW', type='FormatShape'),
            dict(
                algorithm_keys=(
                    'pose_keypoint',
                    'pose_mask',
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
    dict(thr=0.2, type='KeypointPCKMetric'),
]
test_pipeline = [
    dict(type='DecordInit'),
    dict(
        clip_len=8,
        frame_interval=8,
        num_clips=2,
        test_mode=True,
        type='SampleFrames'),
    dict(type='DecordDecode'),
    dict(
        box_score_thr=0.99,
        context_scale=1.1458333333333333,
        jitter=False,
        out_size=(
            110,
            110,
        ),
        score_thr=0.2,
        type='PersonBoxCrop'),
    dict(type='PoseDecode'),
    dict(crop_size=96, type='BoxThreeCrop'),
    dict(score_thr=0.2, type='SelectTargetJoints'),
    dict(input_format='NCTHW', type='FormatShape'),
    dict(
        algorithm_keys=(
            'pose_keypoint',
            'pose_mask',
        ),
        type='PackActionInputs'),
]
train_cfg = dict(
    max_epochs=48, type='EpochBasedTrainLoop', val_begin=1, val_interval=48)
train_dataloader = dict(
    batch_size=8,
    dataset=dict(
        ann_file='data/penn_action_rgb/annotations.pkl',
        data_prefix=dict(video='data/penn_action_rgb/'),
        num_classes=15,
        pipeline=[
            dict(type='DecordInit'),
            dict(
                clip_len=8,
                frame_interval=8,
                num_clips=1,
                test_mode=False,
                type='SampleFrames'),
            dict(type='DecordDecode'),
            dict(
                box_score_thr=0.99,
                jitter=True,
                out_size=(
                    96,
                    96,
                ),
                score_thr=0.2,
                type='PersonBoxCrop'),
            dict(type='PoseDecode'),
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
            dict(score_thr=0.2, type='SelectTargetJoints'),
            dict(input_format='NCTHW', type='FormatShape'),
            dict(
                algorithm_keys=(
                    'pose_keypoint',
                    'pose_mask',
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
    dict(
        clip_len=8,
        frame_interval=8,
        num_clips=1,
        test_mode=False,
        type='SampleFrames'),
    dict(type='DecordDecode'),
    dict(
        box_score_thr=0.99,
        jitter=True,
        out_size=(
            96,
            96,
        ),
        score_thr=0.2,
        type='PersonBoxCrop'),
    dict(type='PoseDecode'),
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
    dict(score_thr=0.2, type='SelectTargetJoints'),
    dict(input_format='NCTHW', type='FormatShape'),
    dict(
        algorithm_keys=(
            'pose_keypoint',
            'pose_mask',
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
                clip_len=8,
                frame_interval=8,
                num_clips=2,
                test_mode=True,
                type='SampleFrames'),
            dict(type='DecordDecode'),
            dict(
                box_score_thr=0.99,
                context_scale=1.1458333333333333,
                jitter=False,
                out_size=(
                    110,
                    110,
                ),
                score_thr=0.2,
                type='PersonBoxCrop'),
            dict(type='PoseDecode'),
            dict(crop_size=96, type='BoxThreeCrop'),
            dict(score_thr=0.2, type='SelectTargetJoints'),
            dict(input_format='NCTHW', type='FormatShape'),
            dict(
                algorithm_keys=(
                    'pose_keypoint',
                    'pose_mask',
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
    dict(thr=0.2, type='KeypointPCKMetric'),
]
val_pipeline = [
    dict(type='DecordInit'),
    dict(
        clip_len=8,
        frame_interval=8,
        num_clips=2,
        test_mode=True,
        type='SampleFrames'),
    dict(type='DecordDecode'),
    dict(
        box_score_thr=0.99,
        context_scale=1.1458333333333333,
        jitter=False,
        out_size=(
            110,
            110,
        ),
        score_thr=0.2,
        type='PersonBoxCrop'),
    dict(type='PoseDecode'),
    dict(crop_size=96, type='BoxThreeCrop'),
    dict(score_thr=0.2, type='SelectTargetJoints'),
    dict(input_format='NCTHW', type='FormatShape'),
    dict(
        algorithm_keys=(
            'pose_keypoint',
            'pose_mask',
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
work_dir = './work_dirs/action_machine_penn_action_rendered_48e'
