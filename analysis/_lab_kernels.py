"""The kernel manager ``python -m analysis lab`` gives JupyterLab: kernels start in the project folder.

Jupyter starts a notebook's kernel in the notebook's folder; here every kernel starts in
``project_dir`` instead, so relative article paths are read from the project folder (where
``README.md`` is) whichever folder the notebook is in. Imported only by Jupyter's server.
"""

from __future__ import annotations

import os

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Unicode


class ProjectKernelManager(AsyncMappingKernelManager):
    """:class:`AsyncMappingKernelManager` whose kernels start in ``project_dir`` (when it is set)."""

    project_dir = Unicode("", config=True, help="The folder every kernel starts in (default: the notebook's folder).")

    def cwd_for_path(self, path, **kwargs):
        if self.project_dir and os.path.isdir(self.project_dir):
            return self.project_dir
        return super().cwd_for_path(path, **kwargs)
