import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Django, Wagtail and their modules live as long as the process: keep them out
# of the cyclic collector's full passes, which otherwise stop a request for
# ~100 ms every few searches on this hardware (bench/search_speed measures it).
gc.freeze()
