# Penn Action rendered as video (RGB + pose benchmark; NOT real footage):
#   make penn-rgb-data
#   (= tools/data/penn_action/convert.py, then tools/data/render_pose_videos.py
#    --size 128: the official split, 1258 train / 1068 test clips, drawn
#    people moving with the real ground-truth joints, per-clip random
#    clothing, background and camera shake, nothing class-dependent).
# Shared by the RGB-only, pose-only and RGB+pose bases of this folder, which
# RGBPoseConv3D, RPAN, Action Machine and PAS-Net configs reuse.
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
