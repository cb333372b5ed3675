# Copyright (c) mmaction-pose. All rights reserved.
"""mmaction-pose: an MMAction2 plugin for pose-based action recognition.

The pinned, tested stack is installed by ``bash tools/setup_env.sh``
(full mmcv with compiled ops must be built from source with
``--no-build-isolation``, so it is not an install requirement here).
"""
import os.path as osp

from setuptools import find_packages, setup


def version() -> str:
    ns: dict = {}
    with open(osp.join('mmaction_pose', 'version.py')) as f:
        exec(f.read(), ns)
    return ns['__version__']


setup(
    name='mmaction-pose',
    version=version(),
    description='Pose-based action recognition papers as MMAction2 configs',
    long_description=open('README.md', encoding='utf-8').read()
    if osp.exists('README.md') else '',
    long_description_content_type='text/markdown',
    license='Apache-2.0',
    packages=find_packages(include=['mmaction_pose', 'mmaction_pose.*']),
    python_requires='>=3.9',
    install_requires=[
        'mmaction2>=1.2,<1.3', 'mmengine>=0.7.1,<1.0.0', 'numpy', 'scipy'
    ],
    extras_require=dict(
        tests=['pytest', 'pytest-timeout'],
        demo=['mmdet>=3.0,<3.4', 'mmpose>=1.0,<1.4', 'mediapipe==0.10.21'],
        video=['decord']),
    zip_safe=False)
