# Copyright (c) mmaction-pose. All rights reserved.
"""A hook imported (via custom_imports) by the exact-resume test only: every
training iteration's loss and every validation's metrics, one JSON line
each, to ``$LOSS_PROBE_OUT``; with ``$LOSS_PROBE_SLOW_EPOCH`` it sleeps
after each iteration of that (1-based) epoch, so the test can kill the run
in the middle of it."""
import json
import os
import time

from mmengine.hooks import Hook

from mmaction_pose.registry import HOOKS


@HOOKS.register_module()
class LossProbeHook(Hook):
    """Append per-iteration losses and val metrics (test helper)."""

    priority = 'LOWEST'

    def _write(self, record: dict) -> None:
        with open(os.environ['LOSS_PROBE_OUT'], 'a') as f:
            f.write(json.dumps(record) + '\n')

    def after_train_iter(self,
                         runner,
                         batch_idx,
                         data_batch=None,
                         outputs=None) -> None:
        self._write(
            dict(epoch=runner.epoch + 1,
                 iter=runner.iter,
                 loss=float(outputs['loss']).hex()))
        if runner.epoch + 1 == int(os.environ.get('LOSS_PROBE_SLOW_EPOCH',
                                                  -1)):
            time.sleep(0.5)

    def after_val_epoch(self, runner, metrics=None) -> None:
        self._write(
            dict(epoch=runner.epoch,
                 metrics={
                     k: float(v)
                     for k, v in (metrics or {}).items()
                 }))
