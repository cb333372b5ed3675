# Copyright (c) mmaction-pose. All rights reserved.
"""docs/custom_dataset.md: every ``python <script>`` command parses with
that script's own argument parser, and the leaf config it shows builds."""
from __future__ import annotations

import re
import shlex
import sys

import pytest
from mmengine.config import Config

from conftest import ROOT, load_script

DOC = ROOT / 'docs' / 'custom_dataset.md'


def blocks(lang: str) -> list[str]:
    return re.findall(rf'```{lang}\n(.*?)```', DOC.read_text(), re.S)


def commands() -> list[list[str]]:
    out = []
    for block in blocks('bash'):
        for line in block.replace('\\\n', ' ').splitlines():
            args = shlex.split(line, comments=True)
            if args[:1] == ['python'] and args[1].endswith('.py'):
                out.append(args[1:])
    return out


COMMANDS = commands()


def test_the_doc_walks_all_steps():
    scripts = [c[0] for c in COMMANDS]
    assert scripts == [
        'tools/data/skeleton/extract_poses.py',
        'tools/data/splits/make_splits.py', 'tools/train.py',
        'tools/test.py', 'demo/demo_skeleton.py'
    ]


@pytest.mark.parametrize('args', COMMANDS, ids=[c[0] for c in COMMANDS])
def test_command_parses(args, monkeypatch):
    assert (ROOT / args[0]).is_file(), args[0]
    script = load_script(args[0])
    try:
        script.parse_args(args[1:])
    except TypeError:  # tools/train.py, tools/test.py read sys.argv
        monkeypatch.setattr(sys, 'argv', args)
        script.parse_args()


def test_leaf_config_builds(tmp_path):
    (leaf, ) = [b for b in blocks('python') if '_base_' in b]
    assert len(leaf.splitlines()) <= 10
    base = ROOT / 'configs' / 'posec3d' / 'custom_keypoint.py'
    path = tmp_path / 'my_actions.py'
    path.write_text(leaf.replace("'./custom_keypoint.py'", f"'{base}'"))
    cfg = Config.fromfile(str(path))
    assert cfg.model.backbone.in_channels == 17
    assert cfg.model.cls_head.num_classes == 2
    assert cfg.val_dataloader.dataset.split == 'train_val'
    assert cfg.train_dataloader.dataset.dataset.split == 'train_rest'
