# Copyright (c) mmaction-pose. All rights reserved.
__version__ = '0.1.0'
