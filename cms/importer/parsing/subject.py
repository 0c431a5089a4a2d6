"""The subject (trích yếu): "V/v …" lines and the title under the kind."""

from __future__ import annotations

import re



SUBJECT_LINE_RE = re.compile(r"^(?:v\s*/\s*v|vv|về\s+việc)\s*[:.]?\s*(?P<rest>.*)$", re.I)
