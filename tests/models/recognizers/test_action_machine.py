# Copyright (c) mmaction-pose. All rights reserved.
"""Action Machine (Zhu et al. 2018): the I3D's shapes, the pose CNN without
reduction, the stage modes (frozen branches), the loss weights and the
test-time sum of the two heads."""
import copy

import pytest
import torch
from mmaction.structures import ActionDataSample
from mmengine.config import Config

from mmaction_pose.models.backbones.pose_resnet2d import PoseResNet2d
from mmaction_pose.registry import MODELS
from mmaction_pose.utils.setup_env import register_all_modules

register_all_modules()
NARROW = 'configs/_base_/models/action_machine_i3d_narrow.py'
PAPER = 'configs/_base_/models/action_machine_i3d_r50.py'


def _model_cfg(path=NARROW, **kw):
    cfg = copy.deepcopy(Config.fromfile(path).model)
    cfg.update(kw)
    return cfg


def _samples(n, frames, joints=13, size=96.):
    out = []
    for i in range(n):
        ds = ActionDataSample().set_gt_label(i % 15)
        ds.set_field(torch.rand(frames, joints, 2) * size, 'pose_keypoint')
        ds.set_field(torch.ones(frames, joints), 'pose_mask')
        out.append(ds)
    return out


@pytest.mark.parametrize('depth,feat', [(18, 512), (50, 2048)])
def test_pose_resnet_keeps_the_pose_image_size(depth, feat):
    net = PoseResNet2d(depth=depth)
    net.init_weights()
    out = net(torch.randn(2, 3, 8, 17))
    assert out.shape == (2, feat, 8, 17)  # no pooling, no stride
    narrow = PoseResNet2d(depth=18, base_channels=16)
    assert narrow(torch.randn(1, 3, 8, 13)).shape == (1, 128, 8, 13)
    assert narrow.feat_dim == 128
    with pytest.raises(ValueError, match='base_channels=64'):
        PoseResNet2d(base_channels=16, pretrained='torchvision://resnet18')


def test_paper_i3d_keeps_every_frame():
    # Table 1: (N, 3, 8, 224, 224) -> res5 (N, 2048, 8, 7, 7); the pose
    # branch then gives (N*8, 51, 28, 28). Built, not run at 224 (CPU).
    cfg = _model_cfg(PAPER)
    cfg.backbone.pretrained = None
    cfg.backbone.pretrained2d = False
    cfg.pose_backbone.pretrained = None
    model = MODELS.build(cfg)
    assert model.backbone.conv1.conv.kernel_size == (5, 7, 7)
    assert all(s == 1 for s in model.backbone.temporal_strides)
    assert not model.backbone.with_pool2
    feats = model.backbone(torch.randn(1, 3, 8, 64, 64))
    assert feats.shape == (1, 2048, 8, 2, 2)
    assert model.pose_head(feats).shape == (8, 51, 8, 8)


def test_joint_mode_loss_terms_and_weights():
    torch.manual_seed(0)
    model = MODELS.build(_model_cfg(mode='joint'))
    model.init_weights()
    x = torch.randn(2, 1, 3, 8, 64, 64)
    samples = _samples(2, 8, size=64.)
    losses = model(x, samples, mode='loss')
    assert {'rgb_loss_cls', 'loss_heatmap', 'loss_offset', 'kps_err',
            'pose_loss_cls', 'pose_top1_acc'} <= set(losses)
    model2 = MODELS.build(_model_cfg(mode='joint',
                                     loss_weights=(2., 3., 0.5)))
    model2.load_state_dict(model.state_dict())
    model.eval(), model2.eval()  # dropout off: identical forward
    with torch.no_grad():
        l1 = {k: v.item() for k, v in model(x, samples, mode='loss').items()}
        l2 = {k: v.item() for k, v in model2(x, samples, mode='loss').items()}
    assert l2['rgb_loss_cls'] == pytest.approx(2 * l1['rgb_loss_cls'])
    assert l2['loss_offset'] == pytest.approx(3 * l1['loss_offset'])
    assert l2['pose_loss_cls'] == pytest.approx(0.5 * l1['pose_loss_cls'])
    assert l2['kps_err'] == pytest.approx(l1['kps_err'])  # not weighted


def test_pose_action_gradients_stop_at_the_decoder():
    # footnote 2: no gradient of L_pose-action into the pose branch or I3D
    model = MODELS.build(_model_cfg(mode='joint', loss_weights=(0., 0., 1.)))
    model.init_weights()
    losses = model(torch.randn(2, 1, 3, 8, 64, 64), _samples(2, 8, size=64.),
                   mode='loss')
    losses['pose_loss_cls'].backward()
    assert all(p.grad is None or p.grad.abs().sum() == 0
               for p in model.backbone.parameters())
    assert all(p.grad is None or p.grad.abs().sum() == 0
               for p in model.pose_head.parameters())
    assert any(p.grad is not None and p.grad.abs().sum() > 0
               for p in model.pose_backbone.parameters())


def test_stage_two_trains_only_the_pose_cnn():
    torch.manual_seed(0)
    model = MODELS.build(_model_cfg(mode='pose_cls_only'))
    model.init_weights()
    model.train()
    assert not model.backbone.training and not model.pose_head.training
    assert model.pose_backbone.training
    frozen = {k: v.clone() for k, v in model.state_dict().items()
              if not k.startswith(('pose_backbone', 'pose_cls_head'))}
    params = [p for p in model.parameters() if p.requires_grad]
    assert params and all(
        id(p) in {id(q) for q in model.pose_backbone.parameters()} |
        {id(q) for q in model.pose_cls_head.parameters()} for p in params)
    opt = torch.optim.SGD(params, lr=0.1)
    for _ in range(2):
        losses = model(torch.randn(2, 1, 3, 8, 64, 64),
                       _samples(2, 8, size=64.), mode='loss')
        assert set(losses) == {'pose_loss_cls', 'pose_top1_acc',
                               'pose_top5_acc'}
        losses['pose_loss_cls'].backward()
        opt.step(), opt.zero_grad()
    after = model.state_dict()
    assert all(torch.equal(v, after[k]) for k, v in frozen.items())  # BN too


def test_three_crop_prediction_is_the_sum_of_two_heads():
    torch.manual_seed(0)
    model = MODELS.build(_model_cfg(mode='joint')).eval()
    x = torch.randn(2, 6, 3, 8, 64, 64)  # 2 clips x 3 crops
    with torch.no_grad():
        out = model(x, _samples(2, 6 * 8, size=64.), mode='predict')
        feats = model.backbone(x.flatten(0, 1))
        rgb = model.cls_head(feats).softmax(-1).view(2, 6, -1).mean(1)
    assert set(out[0].pred_score) == {'rgb', 'pose'}
    assert torch.allclose(out[1].pred_score['rgb'], rgb[1], atol=1e-6)
    fused = out[1].pred_score['rgb'] + out[1].pred_score['pose']
    assert out[1].pred_label.item() == fused.argmax().item()
    assert out[0].pred_keypoint.shape == (48, 13, 2)  # every view's frames
    assert out[0].pred_keypoint_score.shape == (48, 13)


def test_rgb_only_mode_and_bad_configs():
    model = MODELS.build(_model_cfg(mode='rgb', pose_head=None,
                                    pose_decoder=None, pose_backbone=None,
                                    pose_cls_head=None)).eval()
    with torch.no_grad():
        out = model(torch.randn(1, 1, 3, 8, 64, 64), _samples(1, 8),
                    mode='predict')
    assert out[0].pred_score.shape == (15, )
    with pytest.raises(ValueError, match='mode must be'):
        MODELS.build(_model_cfg(mode='both'))
    with pytest.raises(ValueError, match='trains the pose head'):
        MODELS.build(_model_cfg(mode='rgb_kps', pose_head=None,
                                pose_backbone=None, pose_cls_head=None))
    with pytest.raises(ValueError, match='needs pose_head'):
        MODELS.build(_model_cfg(mode='rgb', pose_head=None))
