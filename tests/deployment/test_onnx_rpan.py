# Copyright (c) mmaction-pose. All rights reserved.
"""ONNX export of RGB-only ``Recognizer2D`` models: RPAN (frames in,
``scores`` and the pose ``attention`` out, dynamic batch and views through
the unrolled LSTM), a TSN-style head, the refused keypoint mode, the
onnxruntime backend of the recognizer and the demo, and the committed
checkpoint on real rendered Penn Action test clips."""
from __future__ import annotations

import copy
from pathlib import Path

import numpy as np
import onnxruntime as ort
import pytest
import torch
from mmengine.config import Config

from conftest import ROOT, load_script
from mmaction_pose.apis.inference import SkeletonRecognizer
from mmaction_pose.deployment.export import export_onnx

export_tool = load_script('tools/deployment/export_onnx.py')
verify_tool = load_script('tools/deployment/verify_onnx.py')
demo = load_script('demo/demo_skeleton.py')

CONFIG = ROOT / 'configs' / 'rpan' / 'penn_action_rendered_rgb.py'
CKPT = next((ROOT / 'configs' / 'rpan' / 'penn_action_rendered').glob(
    'penn_action_rendered_rgb_*[0-9a-f].pth'))
FAKE = ['--pose-backend', 'conftest:FakePoseBackend']


def _small_rpan() -> Config:
    """The CPU RPAN config at 64 px (a 4x4 attention grid)."""
    cfg = Config.fromfile(str(CONFIG))
    pipeline = copy.deepcopy(cfg.test_pipeline)
    for step in pipeline:
        if step['type'] == 'Resize':
            step['scale'] = (64, 64)
    cfg.test_pipeline = pipeline
    return cfg


@pytest.fixture(scope='module')
def rpan_onnx(tmp_path_factory) -> dict:
    """The 64 px RPAN with random weights: checkpoint, export result."""
    out = tmp_path_factory.mktemp('rpan_onnx')
    cfg = _small_rpan()
    ckpt = out / 'random.pth'
    rec = SkeletonRecognizer(cfg, None, check_layout=False)
    torch.save(rec.model.state_dict(), ckpt)
    res = export_onnx(cfg, str(ckpt), str(out / 'rpan.onnx'))
    return dict(cfg=cfg, ckpt=str(ckpt), model=rec.model.eval(), res=res)


@pytest.fixture(scope='module')
def committed_onnx(tmp_path_factory) -> Path:
    """The committed RPAN checkpoint exported by the CLI (its default
    input mode)."""
    path = tmp_path_factory.mktemp('rpan_committed') / 'rpan.onnx'
    assert export_tool.main([str(CONFIG), str(CKPT), str(path)]) == 0
    return path


def test_rpan_exports_frames_scores_and_attention(rpan_onnx):
    res = rpan_onnx['res']
    assert res.input_mode == 'heatmap'  # the default without pose maps
    assert res.input_names == ('imgs', )
    assert res.input_shapes['imgs'] == (1, 8, 3, 64, 64)
    assert res.output_names == ('scores', 'attention')
    assert set(res.max_abs_diff) == {'scores', 'attention'}
    assert max(res.max_abs_diff.values()) < 1e-5 and res.top1_equal


def _test_step(model, imgs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``test_step`` scores ``(N, K)`` and attention of ``(N, S, 3, H,
    W)`` frames."""
    from mmaction.structures import ActionDataSample
    data = dict(inputs=[torch.from_numpy(x) for x in imgs],
                data_samples=[ActionDataSample() for _ in imgs])
    with torch.no_grad():
        out = model.test_step(data)
    return (torch.stack([s.pred_score for s in out]).numpy(),
            torch.stack([s.pred_attention for s in out]).numpy())


@pytest.mark.parametrize('batch,segments', [(2, 8), (3, 8), (2, 16)])
def test_rpan_graph_takes_any_batch_and_view_count(rpan_onnx, batch,
                                                   segments):
    """The LSTM is unrolled over the 8 steps; batch and views (16 segments
    = 2 views of 8 steps) stay dynamic and equal ``test_step``."""
    session = ort.InferenceSession(rpan_onnx['res'].path,
                                   providers=['CPUExecutionProvider'])
    assert session.get_inputs()[0].shape[:2] == ['batch', 'views']
    imgs = np.random.default_rng(batch * segments).uniform(
        0, 255, (batch, segments, 3, 64, 64)).astype(np.float32)
    scores, attention = session.run(['scores', 'attention'],
                                    {'imgs': imgs})
    ref_scores, ref_attention = _test_step(rpan_onnx['model'], imgs)
    assert attention.shape == (batch, 8, 13, 4, 4)
    np.testing.assert_allclose(scores, ref_scores, atol=1e-5)
    np.testing.assert_allclose(attention, ref_attention, atol=1e-5)


def test_keypoint_input_is_refused_for_rpan(tmp_path, capsys):
    out = tmp_path / 'kp.onnx'
    assert export_tool.main([str(CONFIG), str(CKPT), str(out), '--input',
                             'keypoint']) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith('error: --input keypoint: this Recognizer2D '
                              'model takes no keypoints at test time')
    assert '--input heatmap' in err[-1] and not out.exists()


def test_onnxruntime_recognizer_keeps_the_attention(rpan_onnx):
    """``SkeletonRecognizer(backend='onnxruntime')`` on an RPAN file: the
    scores, the attention, its frames and argmax joints of PyTorch."""
    torch_rec = SkeletonRecognizer(rpan_onnx['cfg'], rpan_onnx['ckpt'])
    ort_rec = SkeletonRecognizer(None, None, backend='onnxruntime',
                                 onnx=rpan_onnx['res'].path)
    assert torch_rec.predicts_attention and ort_rec.predicts_attention
    frames = list(np.random.default_rng(1).integers(
        0, 256, (20, 48, 80, 3), dtype=np.uint8))
    args = (None, None, (48, 80))
    np.testing.assert_allclose(ort_rec.predict(*args, frames=frames),
                               torch_rec.predict(*args, frames=frames),
                               atol=1e-5)
    np.testing.assert_allclose(ort_rec.last_attention,
                               torch_rec.last_attention, atol=1e-5)
    np.testing.assert_array_equal(ort_rec.last_frame_inds,
                                  torch_rec.last_frame_inds)
    np.testing.assert_allclose(ort_rec.last_attention_keypoints,
                               torch_rec.last_attention_keypoints)
    assert ort_rec.last_attention_keypoints.shape == (8, 13, 2)


def test_tsn_style_recognizer2d_exports(tmp_path):
    """A plain mmaction2 ``Recognizer2D`` (ResNet-18 + ``TSNHead``) comes
    for free: frames in, the consensus scores out (random weights)."""
    cfg = Config(dict(
        default_scope='mmaction_pose', num_joints=17,
        model=dict(
            type='Recognizer2D',
            backbone=dict(type='ResNet', depth=18, pretrained=None),
            cls_head=dict(type='TSNHead', num_classes=5, in_channels=512,
                          average_clips='prob'),
            data_preprocessor=dict(type='ActionDataPreprocessor',
                                   mean=[123.675, 116.28, 103.53],
                                   std=[58.395, 57.12, 57.375],
                                   format_shape='NCHW')),
        test_pipeline=[
            dict(type='SampleFrames', clip_len=1, num_clips=3,
                 test_mode=True),
            dict(type='DecordDecode'),
            dict(type='Resize', scale=(32, 32), keep_ratio=False),
            dict(type='FormatShape', input_format='NCHW'),
            dict(type='PackActionInputs')]))
    res = export_onnx(cfg, None, str(tmp_path / 'tsn.onnx'))
    assert res.input_mode == 'heatmap' and res.output_names == ('scores', )
    assert res.input_shapes['imgs'] == (1, 3, 3, 32, 32)
    assert res.max_abs_diff['scores'] < 1e-5 and res.top1_equal


def test_demo_runs_rpan_on_onnxruntime(committed_onnx, tiny_video, tmp_path,
                                       capsys):
    """demo_skeleton.py with the exported RPAN and ``--draw-attention``:
    PyTorch's top-3."""
    args = [str(tiny_video), str(tmp_path / 'o.mp4'), '--short-side', '0',
            '--draw-attention', *FAKE]
    assert demo.main(args + ['--config', str(CONFIG), '--checkpoint',
                             str(CKPT)]) == 0
    torch_out = capsys.readouterr().out
    assert demo.main(args + ['--action-backend', 'onnxruntime', '--onnx',
                             str(committed_onnx)]) == 0
    labels = [line for line in torch_out.splitlines() if ': 0.' in line]
    assert len(labels) == 3
    assert labels == [line for line in capsys.readouterr().out.splitlines()
                      if ': 0.' in line]


def test_committed_rpan_parity_on_rendered_penn_clips(
        committed_onnx, rendered_penn_test_subset, capsys):
    """verify_onnx.py on 4 real rendered test clips (conftest's subset):
    scores and attention within 1e-4, the same top-1."""
    videos = rendered_penn_test_subset
    rc = verify_tool.main([
        str(CONFIG), str(CKPT), str(committed_onnx), '--num-samples', '4',
        '--cfg-options',
        f"test_dataloader.dataset.ann_file={videos / 'annotations.pkl'}",
        f'test_dataloader.dataset.data_prefix.video={videos}'])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert 'max |d attention|' in out
    assert 'top-1 agree 4/4' in out and 'parity OK' in out


@pytest.mark.parametrize('fmt,shape', [('NCHW', (2, 4, 3, 8, 8)),
                                       ('NCTHW', (2, 2, 3, 4, 8, 8))])
def test_normalize_swaps_the_channel_axis_of_each_layout(fmt, shape):
    """``to_rgb`` (the paper-size RPAN base sets it) swaps ``C``, not the
    segments axis of 2D inputs, as ``ActionDataPreprocessor`` does."""
    from mmaction.models import ActionDataPreprocessor

    from mmaction_pose.deployment.exportable import Normalize
    pre = ActionDataPreprocessor(mean=[100., 110., 120.], std=[50., 55., 60.],
                                 to_rgb=True, format_shape=fmt)
    x = torch.rand(shape) * 255
    ref = pre(dict(inputs=list(x), data_samples=None))['inputs']
    torch.testing.assert_close(Normalize(pre)(x), ref)
