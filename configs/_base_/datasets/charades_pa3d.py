# Charades (Sigurdsson et al., ECCV 2016) for PA3D: 157 classes, multi-label
# (labels = lists of class ids), split keys train (7985) / val (1863); mAP.
#   data/charades/charades_2d.pkl   COCO-17 2D poses of every frame (estimated)
#   data/charades/pa3d_features/    tools/data/pa3d/extract_pose_features.py
# The JHMDB recipe (./jhmdb_pa3d.py: modalities, full frames, 10 test clips)
# with Charades' data. PA3D gives no Charades sampling: T=8 as for HMDB,
# frames taken every 4th frame of these 30 s videos (our reading).
_base_ = ['./jhmdb_pa3d.py']

# ---- parameters that often need to be modified ----
ann_file = 'data/charades/charades_2d.pkl'
feature_prefix = 'data/charades/pa3d_features'
num_classes = 157
clip_len = 8  # T (not given for Charades; the HMDB value)
frame_interval = 4
heatmap_size = (60, 80)  # (H, W); most Charades videos are 4:3
batch_size = 256
num_workers = 8
# ---------------------------------------------------

# A derived file does not re-evaluate the base's pipelines: set the values
# above in the steps that use them.
_set = dict(
    SampleFrames=dict(clip_len=clip_len, frame_interval=frame_interval),
    LoadPoseFeatureMaps=dict(data_prefix=feature_prefix))
train_pipelines, val_pipelines, test_pipelines = (
    {k: [dict(s, **_set.get(s['type'], {})) for s in p]
     for k, p in pipelines.items()}
    for pipelines in (_base_.train_pipelines, _base_.val_pipelines,
                      _base_.test_pipelines))
_data = dict(ann_file=ann_file, multi_class=True, num_classes=num_classes)
train_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    dataset=dict(split='train', pipeline=train_pipelines['joint'], **_data))
val_dataloader = dict(
    batch_size=batch_size,
    num_workers=num_workers,
    dataset=dict(split='val', pipeline=val_pipelines['joint'], **_data))
test_dataloader = dict(
    num_workers=num_workers,
    dataset=dict(split='val', pipeline=test_pipelines['joint'], **_data))
del _set, _data

val_evaluator = [
    dict(type='AccMetric', metric_list=('mean_average_precision', ))
]
test_evaluator = val_evaluator
