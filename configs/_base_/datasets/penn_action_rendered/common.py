# Penn Action rendered as video (RGB + pose benchmark; NOT real footage):
#   make penn-rgb-data
#   (= tools/data/penn_action/convert.py, then tools/data/render_pose_videos.py
#    --size 128: the official split, 1258 train / 1068 test clips, drawn
#    people moving with the real ground-truth joints, per-clip random
#    clothing, background and camera shake, nothing class-dependent).
# Shared by the RGB-only, pose-only and RGB+pose bases of this folder, which
# RGBPoseConv3D, RPAN, Action Machine and PAS-Net configs reuse.
# flow.py: the same videos as TSN optical flow (`make penn-flow-data`).
_base_ = ['../../skeletons/penn13.py']

# ---- parameters that often need to be modified ----
dataset_type = 'PoseDataset'
data_root = 'data/penn_action_rgb/'
ann_file = data_root + 'annotations.pkl'
video_root = data_root
num_classes = 15
rgb_size = 64  # RGB crop side; heatmaps are rgb_size * heatmap_scaling
heatmap_scaling = 0.5  # 32x32 heatmaps, as configs/posec3d/penn_action_*.py
sigma = 0.6
num_test_clips = 10
batch_size = 8  # per process (the CPU recipes run 2 processes: 16 in all)
num_workers = 1  # per process
# ---------------------------------------------------

val_evaluator = [dict(type='AccMetric')]
test_evaluator = val_evaluator

# RPAN (rpan_rgb.py, rpan_flow.py): Gaussian joint maps on the attention grid
# (the backbone's stride 16 -> 8x8 for 128x128 frames; sigma = the paper's
# 5 px at 270x480 scaled to 128 px), packed for the loss and the PCK metric.
rpan_target = dict(type='GenerateRPANPoseTarget', sigma=2.5, stride=16)
rpan_keys = ('pose_target', 'pose_mask', 'pose_keypoint')
rpan_evaluator = [
    dict(type='AccMetric'),
    dict(type='AttentionPCKMetric', thr=0.2)
]
