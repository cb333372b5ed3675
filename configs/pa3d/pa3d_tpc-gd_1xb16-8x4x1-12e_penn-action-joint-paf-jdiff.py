# PA3D (Yan et al., CVPR 2019) "J ∪ P ∪ Jdiff" on Penn Action (Table 5):
# the three single-stream networks (…penn-action-{joint,paf,jdiff}.py) in one
# PA3DScoreFusionRecognizer; the test score is the mean of their softmax
# scores. Test it with the merged stream checkpoints
# (tools/analysis_tools/pa3d_merge_streams.py) or train it jointly (summed
# losses, disjoint parameters). 12e = 12 epochs.
_base_ = [
    '../_base_/datasets/penn_action_pa3d.py',
    '../_base_/schedules/pa3d_sgd-cosine-12e.py',
    '../_base_/default_runtime.py'
]

_head = dict(type='I3DHead', in_channels=512, num_classes=_base_.num_classes,
             dropout_ratio=0.5, init_std=0.01, average_clips='prob')
model = dict(
    type='PA3DScoreFusionRecognizer',
    streams=dict(
        imgs=dict(backbone=dict(type='PA3D', in_channels=_base_.num_joints,
                                num_frames=_base_.clip_len),
                  cls_head=_head),
        paf_imgs=dict(backbone=dict(type='PA3D',
                                    in_channels=_base_.paf_channels,
                                    num_frames=_base_.clip_len),
                      cls_head=_head),
        jdiff_imgs=dict(backbone=dict(type='PA3D',
                                      in_channels=_base_.num_joints,
                                      num_frames=_base_.clip_len - 1),
                        cls_head=_head)))
del _head
train_dataloader = dict(
    dataset=dict(pipeline=_base_.train_pipelines.joint_paf_jdiff))
val_dataloader = dict(
    dataset=dict(pipeline=_base_.val_pipelines.joint_paf_jdiff))
test_dataloader = dict(
    dataset=dict(pipeline=_base_.test_pipelines.joint_paf_jdiff))
