# Copyright (c) mmaction-pose. All rights reserved.
"""tools/misc/publish_checkpoint.py: weights and a slim meta, hashed name."""
from __future__ import annotations

import hashlib
import importlib.util

import pytest
import torch

from conftest import ROOT

spec = importlib.util.spec_from_file_location(
    'publish_checkpoint', ROOT / 'tools' / 'misc' / 'publish_checkpoint.py')
publish_checkpoint = importlib.util.module_from_spec(spec)
spec.loader.exec_module(publish_checkpoint)


def runner_checkpoint(path) -> dict:
    ckpt = dict(
        state_dict={'module.fc.weight': torch.randn(3, 2),
                    'module.bn.num_batches_tracked': torch.tensor(4)},
        optimizer=dict(state={}, param_groups=[]),
        message_hub=dict(log_scalars={}),
        meta=dict(epoch=40, iter=3160, seed=0, cfg='x = 1',
                  hook_msgs=dict(last_ckpt='w.pth'), mmengine_version='0.10'))
    torch.save(ckpt, path)
    return ckpt


@pytest.mark.parametrize('fp16', [False, True])
def test_publish_keeps_weights_and_slim_meta(tmp_path, fp16):
    src = runner_checkpoint(tmp_path / 'epoch_40.pth')
    final = publish_checkpoint.publish(str(tmp_path / 'epoch_40.pth'),
                                       str(tmp_path / 'out' / 'model.pth'),
                                       fp16=fp16)
    digest = hashlib.sha256(open(final, 'rb').read()).hexdigest()[:8]
    assert final == str(tmp_path / 'out' / f'model_{digest}.pth')
    ckpt = torch.load(final, map_location='cpu', weights_only=True)
    assert set(ckpt) == {'state_dict', 'meta'}
    assert set(ckpt['state_dict']) == {'fc.weight', 'bn.num_batches_tracked'}
    weight = ckpt['state_dict']['fc.weight']
    assert weight.dtype == (torch.float16 if fp16 else torch.float32)
    torch.testing.assert_close(weight.float(),
                               src['state_dict']['module.fc.weight'],
                               atol=1e-3, rtol=1e-3)
    assert ckpt['state_dict']['bn.num_batches_tracked'].dtype == torch.int64
    assert ckpt['meta'] == dict(epoch=40, iter=3160, seed=0, cfg='x = 1',
                                mmengine_version='0.10')
    assert not list((tmp_path / 'out').glob('*.tmp.pth'))


def test_separator_and_missing_input(tmp_path, capsys):
    runner_checkpoint(tmp_path / 'in.pth')
    assert publish_checkpoint.main(
        [str(tmp_path / 'in.pth'), str(tmp_path / 'm.pth'), '--sep', '-']) == 0
    assert len(list(tmp_path.glob('m-????????.pth'))) == 1
    assert publish_checkpoint.main(
        [str(tmp_path / 'nope.pth'), str(tmp_path / 'm.pth')]) == 1
    assert 'nope.pth' in capsys.readouterr().err
