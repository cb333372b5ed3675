# HMDB51 (Kuehne et al., ICCV 2011) for PA3D: 51 classes, 6766 clips, 3 splits
# (PoseDataset split keys train1/test1 ... train3/test3; split 1 here, the
# others via --cfg-options, see configs/pa3d/README.md).
#   data/skeleton/hmdb51_2d.pkl   COCO-17 HRNet 2D poses, from mmaction2:
#     wget https://download.openmmlab.com/mmaction/v1.0/skeleton/data/hmdb51_2d.pkl -P data/skeleton/
#   data/hmdb51/pa3d_features/    tools/data/pa3d/extract_pose_features.py
# The JHMDB recipe (./jhmdb_pa3d.py: modalities, full frames, 10 test clips)
# with HMDB51's data and T = 8.
_base_ = ['./jhmdb_pa3d.py']

# ---- parameters that often need to be modified ----
ann_file = 'data/skeleton/hmdb51_2d.pkl'
feature_prefix = 'data/hmdb51/pa3d_features'
num_classes = 51
clip_len = 8  # T (PA3D §4.1: "T = 4/8 ... for JHMDB/HMDB")
batch_size = 64
# ---------------------------------------------------

# A derived file does not re-evaluate the base's pipelines: set the values
# above in the steps that use them.
_set = dict(SampleFrames=dict(clip_len=clip_len),
            LoadPoseFeatureMaps=dict(data_prefix=feature_prefix))
train_pipelines, val_pipelines, test_pipelines = (
    {k: [dict(s, **_set.get(s['type'], {})) for s in p]
     for k, p in pipelines.items()}
    for pipelines in (_base_.train_pipelines, _base_.val_pipelines,
                      _base_.test_pipelines))
del _set

train_dataloader = dict(
    batch_size=batch_size,
    dataset=dict(ann_file=ann_file, pipeline=train_pipelines['joint']))
val_dataloader = dict(
    batch_size=batch_size,
    dataset=dict(ann_file=ann_file, pipeline=val_pipelines['joint']))
test_dataloader = dict(
    dataset=dict(ann_file=ann_file, pipeline=test_pipelines['joint']))
