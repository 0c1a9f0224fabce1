"""YAML content loading with positions for errors, and the built-in library."""

from .builtin import builtin_dirs, builtin_library
from .errors import ContentError, Problem
from .library import Library, check_references, load, yaml_files

__all__ = [
           "ContentError",
           "Library",
           "Problem",
           "builtin_dirs",
           "builtin_library",
           "check_references",
           "load",
           "yaml_files",
]
