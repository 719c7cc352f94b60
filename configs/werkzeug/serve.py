# Werkzeug's development server (run_simple, defaults otherwise) on 127.0.0.1:{{PORT}};
# its static_files option serves /static/ (through SharedDataMiddleware), everything else reaches the app.
import sys

sys.path.insert(0, "{{ROOT}}/app")
from werkzeug.serving import run_simple  # noqa: E402

from dump_wsgi import application  # noqa: E402

run_simple("127.0.0.1", {{PORT}}, application, static_files={"/static": "{{ROOT}}/www/static"})
