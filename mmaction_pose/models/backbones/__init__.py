# Copyright (c) mmaction-pose. All rights reserved.
__all__: list = []
