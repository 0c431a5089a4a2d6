"""The Content-Security-Policy (django-csp): strict for the site, loosened for Wagtail's admin.

The site's own templates load scripts and styles from files only, so the site
policy allows nothing inline. Wagtail's admin still writes some inline
scripts and styles (editor set-up, widget attributes), so /admin/ also
allows those, and blob:/data: images for upload previews.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"
ADMIN_ADDITIONS = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path_info.startswith(ADMIN_PREFIX) and parts.update is None and parts.replace is None:
            parts.update = ADMIN_ADDITIONS
        return parts
