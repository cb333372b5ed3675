# Copyright (c) mmaction-pose. All rights reserved.
"""ONNX export (heatmap and keypoint inputs) and onnxruntime parity: on
the committed checkpoints, synthetic samples with dynamic batch / clips /
persons, and real Penn Action test samples (skipped without
../shared/data)."""
from __future__ import annotations

import json
import pickle
from pathlib import Path

import numpy as np
import onnx
import onnxruntime as ort
import pytest

from conftest import ROOT, SHARED_DATA, load_script
from mmaction_pose.apis.inference import SkeletonRecognizer
from mmaction_pose.deployment.export import (export_onnx, synthetic_sample,
                                             torch_scores)
from mmaction_pose.deployment.runtime import OnnxSession, read_metadata

export_tool = load_script('tools/deployment/export_onnx.py')
verify_tool = load_script('tools/deployment/verify_onnx.py')

PENN_CFG = ROOT / 'configs' / 'posec3d' / 'penn_action_keypoint.py'
PENN_CKPT = next((ROOT / 'configs' / 'posec3d' / 'penn_action').glob(
    'penn_action_keypoint_*.pth'))
RGBPOSE_CFG = ROOT / 'configs' / 'rgbpose_conv3d' / 'penn_action_rendered.py'
RGBPOSE_CKPT = next((ROOT / 'configs' / 'rgbpose_conv3d' /
                     'penn_action_rendered').glob('*.pth'))
PA3D_FUSION = ROOT / 'configs' / 'pa3d' / \
    'pa3d_tpc-gd_1xb16-8x4x1-12e_penn-action-joint-paf-jdiff.py'
LABELS = SHARED_DATA / 'penn_action' / 'labels'


@pytest.fixture(scope='module')
def penn_onnx(tmp_path_factory) -> dict[str, Path]:
    """The committed Penn Action model exported in both modes by the CLI."""
    out = tmp_path_factory.mktemp('onnx')
    paths = {}
    for mode in ('keypoint', 'heatmap'):
        paths[mode] = out / f'penn_{mode}.onnx'
        assert export_tool.main([str(PENN_CFG), str(PENN_CKPT),
                                 str(paths[mode]), '--input', mode]) == 0
    return paths


def test_cli_writes_checked_models_with_metadata(penn_onnx):
    for mode, path in penn_onnx.items():
        onnx.checker.check_model(str(path))
        meta = read_metadata(str(path))
        assert meta['input_mode'] == mode
        assert json.loads(meta['flip']) is True  # the config's 10x2 test
        assert len(json.loads(meta['classes'])) == 15
        names = [i.name for i in ort.InferenceSession(
            str(path), providers=['CPUExecutionProvider']).get_inputs()]
        assert names == (['keypoint', 'keypoint_score']
                         if mode == 'keypoint' else ['imgs'])


def test_keypoint_graph_takes_any_batch_clips_and_persons(penn_onnx):
    """One ORT call on 2 samples x 3 clips x 2 persons equals PyTorch's
    test_step on each sample."""
    rec = SkeletonRecognizer(str(PENN_CFG), str(PENN_CKPT), num_clips=3)
    session = OnnxSession(str(penn_onnx['keypoint']), rec.pipeline_cfg,
                          False)
    feeds, refs = [], []
    for seed in (1, 2):
        data = synthetic_sample(13, num_frames=40, seed=seed)
        data['keypoint'] = np.concatenate(
            [data['keypoint'], data['keypoint'][:, ::-1] + 7])
        data['keypoint_score'] = np.concatenate(
            [data['keypoint_score'], data['keypoint_score'] * 0.5])
        feeds.append(session.pipeline.feed(data))
        refs.append(torch_scores(rec.model, rec.pipeline, data)['scores'])
    assert feeds[0]['keypoint'].shape == (1, 2, 3 * 32, 13, 2)
    batch = {k: np.concatenate([f[k] for f in feeds]) for k in feeds[0]}
    got = session.run(batch)['scores']
    np.testing.assert_allclose(got, np.stack(refs), atol=1e-5)
    assert not np.allclose(refs[0], refs[1])


def test_heatmap_graph_takes_any_view_count(penn_onnx):
    rec = SkeletonRecognizer(str(PENN_CFG), str(PENN_CKPT), num_clips=2,
                             double=False)
    session = OnnxSession(str(penn_onnx['heatmap']), rec.pipeline_cfg,
                          False)
    data = synthetic_sample(13, seed=3)
    assert session.pipeline.feed(data)['imgs'].shape[1] == 2
    np.testing.assert_allclose(
        session.predict(data)['scores'],
        torch_scores(rec.model, rec.pipeline, data)['scores'], atol=1e-5)


def test_flip_baked_into_a_keypoint_graph_is_checked(penn_onnx):
    with pytest.raises(ValueError, match='--no-flip'):
        SkeletonRecognizer(None, None, num_clips=1, double=False,
                           backend='onnxruntime',
                           onnx=str(penn_onnx['keypoint']))


def test_onnxruntime_backend_of_the_recognizer(penn_onnx, tmp_path):
    """``SkeletonRecognizer(backend='onnxruntime')`` needs only the file:
    config and class names come from its metadata."""
    path = tmp_path / 'noflip.onnx'
    export_onnx(str(PENN_CFG), str(PENN_CKPT), str(path), num_clips=1,
                flip=False, verify=False)
    kwargs = dict(num_clips=1, double=False)
    torch_rec = SkeletonRecognizer(str(PENN_CFG), str(PENN_CKPT), **kwargs)
    ort_rec = SkeletonRecognizer(None, None, backend='onnxruntime',
                                 onnx=str(path), **kwargs)
    assert ort_rec.classes == torch_rec.classes
    assert ort_rec.classes[0] == 'baseball_pitch'
    data = synthetic_sample(17, num_frames=48, img_shape=(480, 640), seed=4)
    args = (data['keypoint'], data['keypoint_score'], (480, 640))
    np.testing.assert_allclose(ort_rec.predict(*args),
                               torch_rec.predict(*args), atol=1e-5)
    with pytest.raises(ValueError, match='needs an ONNX model'):
        SkeletonRecognizer(None, None, backend='onnxruntime')


def test_non_exported_file_is_a_clear_error(tmp_path):
    import torch
    path = tmp_path / 'plain.onnx'
    torch.onnx.export(torch.nn.Linear(2, 2), (torch.zeros(1, 2), ),
                      str(path), dynamo=False)
    with pytest.raises(ValueError, match='not written by'):
        read_metadata(str(path))
    with pytest.raises(FileNotFoundError):
        read_metadata(str(tmp_path / 'missing.onnx'))


@pytest.mark.parametrize('mode', ['keypoint', 'heatmap'])
def test_rgbpose_exports_with_rgb_clips(tmp_path, mode):
    res = export_onnx(str(RGBPOSE_CFG), str(RGBPOSE_CKPT),
                      str(tmp_path / 'm.onnx'), input_mode=mode,
                      num_clips=2)
    assert res.output_names == ('scores', 'scores_rgb', 'scores_pose')
    assert res.input_shapes['imgs'] == (1, 2, 3, 8, 64, 64)
    assert max(res.max_abs_diff.values()) < 1e-5 and res.top1_equal


@pytest.mark.parametrize('mode', ['keypoint', 'heatmap'])
def test_pa3d_fusion_exports_joint_paf_and_differences(tmp_path, mode):
    """PA3D J ∪ P ∪ Jdiff: in keypoint mode the PAFs and the temporal
    differences are computed inside the graph (random weights)."""
    res = export_onnx(str(PA3D_FUSION), None, str(tmp_path / 'm.onnx'),
                      input_mode=mode, num_clips=2)
    assert res.output_names == ('scores', 'scores_imgs', 'scores_paf_imgs',
                                'scores_jdiff_imgs')
    assert max(res.max_abs_diff.values()) < 1e-5


@pytest.fixture(scope='module')
def penn_subset(tmp_path_factory) -> Path:
    """Real Penn Action labels (the first 60 files; ~30 test clips)."""
    from mmaction_pose.datasets.converters.penn_action import (
        convert_penn_action, list_label_files)
    data = convert_penn_action(list_label_files(str(LABELS))[:60])
    path = tmp_path_factory.mktemp('penn') / 'penn_subset.pkl'
    with open(path, 'wb') as f:
        pickle.dump(data, f)
    return path


@pytest.mark.skipif(not LABELS.is_dir(), reason='../shared/data not available')
@pytest.mark.parametrize('mode', ['keypoint', 'heatmap'])
def test_parity_on_real_penn_action_test_samples(penn_onnx, penn_subset,
                                                 mode, capsys):
    """The committed checkpoint, 10 clips x 2 flips, real test clips."""
    rc = verify_tool.main([
        str(PENN_CFG), str(PENN_CKPT), str(penn_onnx[mode]),
        '--num-samples', '8', '--cfg-options',
        f'test_dataloader.dataset.ann_file={penn_subset}'])
    out = capsys.readouterr().out
    assert rc == 0, out
    assert 'top-1 agree 8/8' in out and 'parity OK' in out


@pytest.mark.parametrize('name', ['ntu60_xsub_keypoint_x3d_s',
                                  'ntu60_xsub_keypoint_c3d_s',
                                  'ntu60_xsub_limb'])
def test_other_pose_backbones_export(tmp_path, name):
    """X3D and C3D pose backbones, and COCO-17 limbs (random weights)."""
    res = export_onnx(str(ROOT / 'configs' / 'posec3d' / f'{name}.py'),
                      None, str(tmp_path / 'm.onnx'), num_clips=1,
                      flip=False)
    assert res.max_abs_diff['scores'] < 1e-5 and res.top1_equal


def test_keypoints_on_another_canvas_are_refused(penn_onnx):
    """A keypoint graph has a fixed canvas: a pipeline giving another size
    fails with one message naming both."""
    from mmaction_pose.deployment.pipeline import DeployPipeline
    rec = SkeletonRecognizer(str(PENN_CFG), str(PENN_CKPT))
    deploy = DeployPipeline(rec.pipeline_cfg, 'keypoint', (), canvas=(48, 48))
    with pytest.raises(ValueError, match=r'\(32, 32\) canvas.*\(48, 48\)'):
        deploy.feed(synthetic_sample(13, seed=5))
