# The 1D temporal CNN baseline (mmaction_pose/models/backbones/
# temporal_cnn1d.py): per person, the V joints' 4 features per frame
# (body-normalized x, y and their velocities, PoseMotionFeatures) as V * 4
# channels, three Conv1d-BN-ReLU stages (64, 128, 256 channels, kernel 5,
# time /2 twice), then mmaction2's GCNHead (global average pool, mean over
# persons, dropout, linear). Input (N, M, T, V, 4) -> backbone
# (N, M, 256, T/4, 1). Leaves set num_joints and num_classes.
model = dict(
    type='RecognizerGCN',
    backbone=dict(
        type='TemporalCNN1D',
        num_joints=17,
        in_channels=4,
        channels=(64, 128, 256),
        strides=(1, 2, 2),
        kernel_size=5),
    cls_head=dict(
        type='GCNHead', num_classes=60, in_channels=256, dropout=0.5))
