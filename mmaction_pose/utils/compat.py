# Copyright (c) mmaction-pose. All rights reserved.
"""Compatibility shims for the pinned OpenMMLab stack (torch 2.13 on CPU).

Imported by ``mmaction_pose/__init__.py`` before anything from mmaction2,
mmdet or mmpose. Every shim fixes one known breakage, says why, and only
touches ``sys.modules``, the numpy namespace, ``torch.load``'s default or
``os.environ``; nothing in site-packages is modified. Each shim is a no-op
when the breakage is absent, so real import errors are never hidden: a shim
only stands in for a module that is *known* to be missing from a release and
that this plugin never uses.
"""
from __future__ import annotations

import functools
import importlib.util
import os
import sys
import types
import warnings

_APPLIED = False


def _stub_mmaction_drn() -> None:
    """Stand in for ``mmaction.models.localizers.drn``.

    Why: the mmaction2 1.2.0 wheel and sdist lack the ``drn/`` folder while
    ``mmaction/models/localizers/__init__.py`` runs ``from .drn.drn import
    DRN``, so ``import mmaction.models`` fails. DRN (temporal grounding) is
    never used by this plugin; building it raises a clear ImportError.
    """
    name = 'mmaction.models.localizers.drn'
    if name in sys.modules:
        return
    spec = importlib.util.find_spec('mmaction')  # does not import mmaction
    if spec is None or not spec.submodule_search_locations:
        return
    drn_dir = os.path.join(spec.submodule_search_locations[0], 'models',
                           'localizers', 'drn')
    if os.path.isdir(drn_dir):  # a fixed release ships the package
        return

    class DRN:  # noqa: D401
        """Placeholder: DRN is missing from the mmaction2 1.2.0 wheel."""

        def __init__(self, *args, **kwargs) -> None:
            raise ImportError(
                'DRN is missing from the mmaction2 1.2.0 PyPI wheel')

    pkg = types.ModuleType(name)
    pkg.__path__ = []  # type: ignore[attr-defined]
    sub = types.ModuleType(name + '.drn')
    sub.DRN = DRN  # type: ignore[attr-defined]
    pkg.drn = sub  # type: ignore[attr-defined]
    sys.modules[name] = pkg
    sys.modules[name + '.drn'] = sub


class _ToPILImage:
    """Minimal ``torchvision.transforms.ToPILImage`` (CHW/HW → PIL)."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def __call__(self, pic):
        import numpy as np
        from PIL import Image
        if hasattr(pic, 'detach'):
            arr = pic.detach().cpu().numpy()
        else:
            arr = np.asarray(pic)
        if arr.ndim == 3 and arr.shape[0] in (1, 3):
            arr = arr.transpose(1, 2, 0)
        if arr.dtype != np.uint8:
            arr = (np.clip(arr, 0, 1) * 255).astype(np.uint8)
        return Image.fromarray(arr.squeeze())


def _stub_torchvision() -> None:
    """Register a tiny ``torchvision`` exposing ``transforms.ToPILImage``.

    Why: mmpose 1.3.2 imports ``torchvision.transforms.ToPILImage`` at import
    time (``mmpose/visualization/simcc_vis.py``, SimCC visualisation only),
    and no CPU torchvision exists for torch 2.13 (the only 0.28.0 build is
    CUDA-only, fails to import and also breaks mmengine's ``collect_env``).
    A real installed torchvision is never shadowed.
    """
    if 'torchvision' in sys.modules or \
            importlib.util.find_spec('torchvision') is not None:
        return
    tv = types.ModuleType('torchvision')
    tv.__version__ = '0.0.0+shim'  # type: ignore[attr-defined]
    tv.__path__ = []  # type: ignore[attr-defined]
    tv.__mmaction_pose_shim__ = True  # type: ignore[attr-defined]
    transforms = types.ModuleType('torchvision.transforms')
    transforms.ToPILImage = _ToPILImage  # type: ignore[attr-defined]
    tv.transforms = transforms  # type: ignore[attr-defined]
    sys.modules['torchvision'] = tv
    sys.modules['torchvision.transforms'] = transforms


def _numpy2_aliases() -> None:
    """Restore names removed in numpy 2 that mmaction2 1.2.0 still uses.

    Why: ``np.Inf`` in ``PoseCompact``, ``np.trapz`` / ``np.in1d`` in its
    evaluation code. Only missing attributes are added.
    """
    import numpy as np
    if int(np.__version__.split('.')[0]) < 2:
        return
    if not hasattr(np, 'Inf'):
        np.Inf = np.inf  # type: ignore[attr-defined]
    if not hasattr(np, 'trapz'):
        np.trapz = np.trapezoid  # type: ignore[attr-defined]
    if not hasattr(np, 'in1d'):

        def in1d(a, b, *args, **kwargs):
            return np.isin(a, b, *args, **kwargs).ravel()

        np.in1d = in1d  # type: ignore[attr-defined]


def trust_checkpoints() -> None:
    """Let mmengine load its own Runner checkpoints under torch >= 2.6.

    Why: mmengine 0.10.7 calls ``torch.load`` without ``weights_only``;
    torch >= 2.6 defaults to ``weights_only=True``, which rejects every
    Runner checkpoint (``HistoryBuffer``, numpy scalars in ``meta``), so
    ``--resume`` and ``load_from`` fail. We default ``weights_only`` to False
    for callers that do not pass it. Only load checkpoints you trust (the
    same contract as torch < 2.6). An explicit ``weights_only=True`` argument
    is still honoured.
    """
    import torch
    if getattr(torch.load, '__mmaction_pose_shim__', False):
        return
    original = torch.load

    @functools.wraps(original)
    def load(*args, **kwargs):
        kwargs.setdefault('weights_only', False)
        return original(*args, **kwargs)

    load.__mmaction_pose_shim__ = True  # type: ignore[attr-defined]
    torch.load = load


def apply(numpy_aliases: bool = True, trust: bool = True) -> None:
    """Apply every shim once (idempotent)."""
    global _APPLIED
    if _APPLIED:
        return
    _stub_mmaction_drn()
    _stub_torchvision()
    if numpy_aliases:
        _numpy2_aliases()
    if trust:
        trust_checkpoints()
    # mmengine prints a wall of these for every mmaction2 transform import.
    warnings.filterwarnings(
        'ignore', message='.*is not a valid scope.*', category=UserWarning)
    _APPLIED = True


def ops_missing_message(what: str = 'the mmdet + mmpose pose backend',
                        hint: str = ' (or use --pose-backend mediapipe)'
                        ) -> str:
    """The one-line error for a feature that needs mmcv's compiled ops."""
    return ("mmcv was installed without its compiled ops (lite setup, 'make "
            f"demo'); {what} needs them: run 'make setup-full'{hint}")


OPS_MISSING = ops_missing_message()

#: The quickstart config, built by :func:`check_stack` (in a source checkout).
SMOKE_CONFIG = os.path.join(
    os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__)))), 'configs', 'posec3d',
    'synthetic_keypoint.py')


class MMCVOpsMissingError(RuntimeError, ValueError):
    """mmcv has no compiled ops (lite setup) and a feature needs them.

    Also a :class:`ValueError`, so the demos' ``except ValueError`` print it
    as one line.
    """


def mmcv_has_ops() -> bool:
    """Whether mmcv's compiled extension ``mmcv._ext`` is installed.

    Cheap: the module is only found, not imported (mmcv itself is imported).
    """
    try:
        return importlib.util.find_spec('mmcv._ext') is not None
    except ImportError:  # no mmcv at all
        return False


def require_mmcv_ops(what: str | None = None, hint: str = '') -> None:
    """Raise :class:`MMCVOpsMissingError` (one line) without the ops.

    Args:
        what: The feature that needs them; None: the mmpose pose backend
            (the message is :data:`OPS_MISSING`).
        hint: Appended to the message for ``what``.
    """
    if not mmcv_has_ops():
        raise MMCVOpsMissingError(
            OPS_MISSING if what is None else ops_missing_message(what, hint))


def _smoke_model(config: str = SMOKE_CONFIG) -> str:
    """Build the quickstart PoseC3D (or a tiny one without the config file)
    and run its backbone and head on zeros; returns what was built."""
    import torch
    from mmengine.config import Config
    from mmengine.registry import DefaultScope

    from mmaction_pose.registry import MODELS
    if os.path.isfile(config):
        cfg, what = Config.fromfile(config).model, os.path.basename(config)
    else:  # installed without the source tree
        cfg = dict(type='Recognizer3D',
                   backbone=dict(type='ResNet3dSlowOnly', depth=18,
                                 in_channels=17, base_channels=8,
                                 pretrained=None),
                   cls_head=dict(type='I3DHead', in_channels=64,
                                 num_classes=3))
        what = 'a tiny Recognizer3D'
    with DefaultScope.overwrite_default_scope('mmaction_pose'):
        model = MODELS.build(cfg).eval()
    num_classes = model.cls_head.num_classes
    with torch.no_grad():
        out = model.cls_head(model.backbone(torch.zeros(1, 17, 4, 32, 32)))
    assert out.shape == (1, num_classes), out.shape
    return what


def _smoke_ops() -> None:
    """Run mmcv's compiled nms and RoIAlign on tiny inputs."""
    import torch
    from mmcv.ops import RoIAlign, nms
    boxes = torch.tensor([[0, 0, 10, 10], [1, 1, 11, 11], [50, 50, 60, 60]],
                         dtype=torch.float32)
    _, keep = nms(boxes, torch.tensor([.9, .8, .7]), 0.5)
    assert keep.tolist() == [0, 2], keep
    out = RoIAlign((7, 7), 1.0, 2)(torch.rand(1, 8, 32, 32),
                                   torch.tensor([[0., 2, 2, 20, 20]]))
    assert out.shape == (1, 8, 7, 7)


def check_stack(verbose: bool = False,
                with_ops: bool | None = None) -> dict[str, str]:
    """Import the stack and run tiny smoke checks; raise on failure.

    Always: mmengine, mmcv and mmaction2 import, mmaction2 registers and the
    quickstart PoseC3D builds and runs. With ops (the full setup) also mmcv's
    compiled nms / RoIAlign run and ``mmdet.apis`` / ``mmpose.apis`` import.

    Args:
        verbose: Print the versions.
        with_ops: True: check the full setup (fails without the ops);
            False: the lite setup; None: decide by :func:`mmcv_has_ops`.

    Returns the versions found. Used by ``tools/setup_env.sh``.
    """
    import mmcv
    import mmengine
    import numpy as np
    import torch
    from mmaction.utils import register_all_modules

    import mmaction
    if with_ops is None:
        with_ops = mmcv_has_ops()
    register_all_modules(init_default_scope=False)
    model = _smoke_model()
    versions = dict(
        torch=torch.__version__,
        cuda=str(torch.version.cuda),
        numpy=np.__version__,
        mmengine=mmengine.__version__,
        mmcv=mmcv.__version__ + ('' if with_ops else ' (lite: no ops)'),
        mmaction2=mmaction.__version__)
    if with_ops:
        _smoke_ops()
        import mmdet
        import mmdet.apis  # noqa: F401
        import mmpose
        import mmpose.apis  # noqa: F401
        versions.update(mmdet=mmdet.__version__, mmpose=mmpose.__version__)
    if verbose:
        print(f'stack OK ({"full" if with_ops else "lite"}; built {model}): '
              + ', '.join(f'{k} {v}' for k, v in versions.items()))
    return versions
