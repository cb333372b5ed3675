# Copyright (c) mmaction-pose. All rights reserved.
"""A hook imported (via custom_imports) by the 2-process DDP test only: each
rank writes its world size, a parameter checksum and its metrics."""
import json
import os.path as osp

import torch
from mmengine.dist import get_rank, get_world_size
from mmengine.hooks import Hook

from mmaction_pose.registry import HOOKS


@HOOKS.register_module()
class DDPProbeHook(Hook):
    """Dump per-rank state to ``work_dir/rank{r}.json`` (test helper)."""

    def __init__(self) -> None:
        self.metrics = {}

    def after_val_epoch(self, runner, metrics=None) -> None:
        self.metrics = {k: float(v) for k, v in (metrics or {}).items()}

    def after_train(self, runner) -> None:
        model = runner.model.module if hasattr(runner.model, 'module') \
            else runner.model
        with torch.no_grad():
            checksum = sum(float(p.double().sum())
                           for p in model.parameters())
        out = dict(rank=get_rank(), world_size=get_world_size(),
                   checksum=checksum, metrics=self.metrics,
                   iters=runner.iter)
        with open(osp.join(runner.work_dir, f'rank{get_rank()}.json'),
                  'w') as f:
            json.dump(out, f)
