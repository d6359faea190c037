#!/usr/bin/env python3
"""publish_image.py PNG NAME: copies a test's screenshot to
$BORROWSCOPE_DOC_IMAGES/NAME when that variable is set (how docs/images is
regenerated: BORROWSCOPE_DOC_IMAGES=$PWD/docs/images lit build/test/tool);
does nothing otherwise."""
import os
import shutil
import sys

if len(sys.argv) != 3:
    sys.exit(__doc__)
target = os.environ.get("BORROWSCOPE_DOC_IMAGES")
if target:
    os.makedirs(target, exist_ok=True)
    shutil.copyfile(sys.argv[1], os.path.join(target, sys.argv[2]))
    print("published " + sys.argv[2])
