# Copyright (c) mmaction-pose. All rights reserved.
"""Shared logic of ``tools/train.py`` and ``tools/test.py``.

Keeps the tools thin and mmaction2-compatible while adding what the stock
tools lack: config keys validated before anything is built, distributed
training on CPU (gloo), and one clear message instead of a traceback for
bad annotation files.
"""
from __future__ import annotations

import difflib
import inspect
import os
import os.path as osp
import sys
from collections.abc import Mapping
from typing import Any

from mmengine.config import Config, ConfigDict

# Top-level keys a Runner config may legitimately add via --cfg-options.
_RUNNER_KEYS = {
    'model', 'work_dir', 'train_dataloader', 'val_dataloader',
    'test_dataloader', 'train_cfg', 'val_cfg', 'test_cfg', 'auto_scale_lr',
    'optim_wrapper', 'param_scheduler', 'val_evaluator', 'test_evaluator',
    'default_hooks', 'custom_hooks', 'data_preprocessor', 'load_from',
    'resume', 'launcher', 'env_cfg', 'log_processor', 'log_level',
    'visualizer', 'default_scope', 'randomness', 'experiment_name', 'cfg',
    'model_wrapper_cfg', 'compile', 'find_unused_parameters', 'sync_bn',
    'custom_imports', 'vis_backends', 'runner_type'
}


class ConfigKeyError(KeyError):
    """A ``--cfg-options`` key does not exist and is not a valid argument."""

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


def _accepted_args(type_name: Any,
                   scope_node: Any) -> tuple[set[str], bool] | None:
    """Constructor arguments of a registered ``type``.

    Returns ``(names, open_ended)``: the argument names of ``__init__``
    along the MRO (classes forwarding ``**kwargs`` to their bases), and
    whether some ``__init__`` still takes ``**kwargs`` that may go elsewhere.
    None when the type cannot be resolved.
    """
    if not isinstance(type_name, str):
        cls = type_name
    else:
        cls = None
        for node in scope_node:
            try:
                cls = node.get(type_name)
            except Exception:  # a failing lazy import is not our concern
                cls = None
            if cls is not None:
                break
    if cls is None or not inspect.isclass(cls):
        return None
    names: set[str] = set()
    open_ended = False
    for klass in cls.__mro__:
        init = klass.__dict__.get('__init__')
        if init is None or klass is object:
            continue
        try:
            params = list(inspect.signature(init).parameters.values())[1:]
        except (TypeError, ValueError):
            return None
        names |= {p.name for p in params
                  if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)}
        if not any(p.kind == p.VAR_KEYWORD for p in params):
            open_ended = False
            break
        open_ended = True
    return names, open_ended


def _registries() -> list:
    from mmaction_pose import registry
    return list(registry.ALL_NODES)


def check_cfg_options(cfg: Config, options: Mapping[str, Any]) -> None:
    """Fail early on a ``--cfg-options`` key that cannot be right.

    A key may add a field that the config does not set yet, but only if the
    registered ``type`` of the enclosing dict accepts it as a constructor
    argument (or takes ``**kwargs``). Unknown top-level keys fail when they
    look like a typo of an existing key.

    Raises:
        ConfigKeyError: with a "did you mean" hint.
    """
    for key in options:
        parts = key.split('.')
        node: Any = cfg._cfg_dict  # a ConfigDict (Config is no Mapping)
        for depth, part in enumerate(parts):
            path = '.'.join(parts[:depth + 1])
            if isinstance(node, (list, tuple)) and part.isdigit():
                if int(part) >= len(node):
                    raise ConfigKeyError(
                        f'--cfg-options {key!r}: index {part} out of range '
                        f'({len(node)} items at {".".join(parts[:depth])!r})')
                node = node[int(part)]
                continue
            if not isinstance(node, Mapping):
                break
            if part in node:
                node = node[part]
                continue
            # A new key: allowed only where it can be a valid argument.
            known = list(node.keys())
            hint = difflib.get_close_matches(part, known, n=1)
            if depth == 0:
                if part in _RUNNER_KEYS or not hint:
                    break
                raise ConfigKeyError(
                    f'--cfg-options {key!r}: unknown config key {part!r}; '
                    f'did you mean {hint[0]!r}?')
            if 'type' in node:
                found = _accepted_args(node['type'], _registries())
                if found is not None and part not in found[0]:
                    accepted, open_ended = found
                    close = difflib.get_close_matches(
                        part, sorted(accepted), n=1)
                    # With **kwargs forwarded further we only object to
                    # what is clearly a typo of a real argument.
                    if close or not open_ended:
                        raise ConfigKeyError(
                            f'--cfg-options {key!r}: {node["type"]!r} has no '
                            f'argument {part!r}'
                            + (f'; did you mean {close[0]!r}?' if close else
                               f'; it accepts {sorted(accepted)}'))
            elif hint:
                raise ConfigKeyError(
                    f'--cfg-options {key!r}: {path!r} does not exist; did you '
                    f'mean {".".join(parts[:depth] + [hint[0]])!r}?')
            break


def model_num_classes(model_cfg: Any) -> int | None:
    """``num_classes`` of the model's classification heads (any key with
    ``head`` in its name, at any depth), or None if absent or ambiguous."""
    found = set()

    def walk(node: Any, key: str) -> None:
        if isinstance(node, Mapping):
            if 'head' in key and 'num_classes' in node:
                found.add(node['num_classes'])
            for name, value in node.items():
                walk(value, str(name))
        elif isinstance(node, (list, tuple)):
            for value in node:
                walk(value, key)

    walk(model_cfg, '')
    value = found.pop() if len(found) == 1 else None
    return value if isinstance(value, int) else None


def leaf_dataset_cfgs(dataset_cfg: Any) -> list:
    """The dataset dicts inside wrappers (``dataset`` / ``datasets`` keys)."""
    if not isinstance(dataset_cfg, Mapping):
        return []
    if 'dataset' in dataset_cfg:
        return leaf_dataset_cfgs(dataset_cfg['dataset'])
    if 'datasets' in dataset_cfg:
        return [leaf for d in dataset_cfg['datasets']
                for leaf in leaf_dataset_cfgs(d)]
    return [dataset_cfg]


def _checks_labels(cfg: Config, type_name: Any) -> bool:
    """Whether a dataset ``type`` is (a subclass of) our ``PoseDataset``."""
    from mmengine.registry import DefaultScope

    from mmaction_pose.datasets.pose_dataset import PoseDataset
    from mmaction_pose.registry import DATASETS
    cls = type_name
    if isinstance(type_name, str):
        with DefaultScope.overwrite_default_scope(
                cfg.get('default_scope', None)):
            cls = DATASETS.get(type_name)
    return inspect.isclass(cls) and issubclass(cls, PoseDataset)


def set_dataset_num_classes(cfg: Config) -> None:
    """Give every ``PoseDataset`` of the dataloaders the head's
    ``num_classes`` (unless it sets its own), so that a label the model
    cannot predict fails when the dataset is built, not in the loss."""
    num_classes = model_num_classes(cfg.get('model', None))
    if num_classes is None:
        return
    for split in ('train', 'val', 'test'):
        loader = cfg.get(f'{split}_dataloader', None)
        if not isinstance(loader, Mapping):
            continue
        for dataset in leaf_dataset_cfgs(loader.get('dataset')):
            if not _checks_labels(cfg, dataset.get('type')):
                continue
            own = dataset.get('num_classes', None)
            if own is None:
                dataset['num_classes'] = num_classes
            elif own != num_classes:
                fail(f'{split}_dataloader: the dataset has num_classes={own}'
                     f' but the model head has num_classes={num_classes}')


def setup_cpu_distributed(cfg: Config) -> None:
    """Make ``--launcher pytorch`` work without CUDA (gloo backend).

    mmengine's ``init_dist`` calls ``torch.cuda.set_device`` and the Runner
    wraps the model with ``device_ids=[LOCAL_RANK]``; both fail on CPU. We
    initialise the gloo process group ourselves (the Runner then skips its
    own ``init_dist``) and wrap with ``device_ids=None``.
    """
    import torch
    import torch.distributed as dist
    launcher = cfg.get('launcher', 'none')
    if launcher == 'none' or torch.cuda.is_available():
        return
    if launcher != 'pytorch':
        fail(f'--launcher {launcher} needs CUDA; on CPU use --launcher '
             'pytorch (tools/dist_train.sh)')
    if not dist.is_initialized():
        dist.init_process_group(backend='gloo')
    cfg.setdefault('env_cfg', ConfigDict())
    cfg.env_cfg.setdefault('dist_cfg', ConfigDict())
    cfg.env_cfg.dist_cfg.backend = 'gloo'
    wrapper = cfg.get('model_wrapper_cfg') or ConfigDict(
        type='MMDistributedDataParallel', broadcast_buffers=False,
        find_unused_parameters=cfg.get('find_unused_parameters', False))
    wrapper['device_ids'] = None
    cfg.model_wrapper_cfg = wrapper


def finish_distributed() -> None:
    """Tear the process group down before the interpreter exits.

    Left to interpreter shutdown, gloo's worker threads can be destroyed
    while still joinable, and a rank then aborts with ``terminate called
    without an active exception`` (SIGABRT) after training has finished.
    """
    import torch.distributed as dist
    if dist.is_available() and dist.is_initialized():
        dist.barrier()
        dist.destroy_process_group()


def set_work_dir(cfg: Config, work_dir: str | None, config_path: str) -> None:
    """``--work-dir`` > ``work_dir`` in the file > ``work_dirs/<stem>``."""
    if work_dir is not None:
        cfg.work_dir = work_dir
    elif cfg.get('work_dir', None) is None:
        cfg.work_dir = osp.join('./work_dirs',
                                osp.splitext(osp.basename(config_path))[0])


def load_config(path: str) -> Config:
    """``Config.fromfile`` with a one-line error for a missing file."""
    if not osp.isfile(path):
        fail(f'config file {path!r} does not exist')
    return Config.fromfile(path)


def fail(message: str, code: int = 1) -> None:
    """Print one clear error line and exit."""
    print(f'error: {message}', file=sys.stderr, flush=True)
    sys.exit(code)


def run_guarded(fn, *args, **kwargs):
    """Run ``fn``; turn known user errors into one message + exit code 1."""
    from mmaction_pose.datasets.pose_dataset import AnnotationError
    try:
        return fn(*args, **kwargs)
    except (AnnotationError, ConfigKeyError) as err:
        fail(str(err))
    except TypeError as err:
        # A wrong argument in the config, raised by build_from_cfg while
        # the Runner builds the model/datasets (before any training step).
        msg = str(err)
        if 'unexpected keyword argument' in msg or \
                'missing 1 required positional argument' in msg or \
                'required positional arguments' in msg:
            fail(f'invalid config: {msg}')
        raise


def build_runner(cfg: Config):
    """``Runner.from_cfg`` or a registered custom runner (``runner_type``)."""
    from mmengine.runner import Runner

    from mmaction_pose.registry import RUNNERS
    if 'runner_type' not in cfg:
        return Runner.from_cfg(cfg)
    return RUNNERS.build(cfg)


def ensure_local_rank(local_rank: int) -> None:
    if 'LOCAL_RANK' not in os.environ:
        os.environ['LOCAL_RANK'] = str(local_rank)
