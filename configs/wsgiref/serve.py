# The standard library's reference WSGI server, serving the application on 127.0.0.1:{{PORT}}.
# It has no static file handling: /static/ reaches the application too.
import sys

sys.path.insert(0, "{{ROOT}}/app")
from wsgiref.simple_server import make_server  # noqa: E402

from dump_wsgi import application  # noqa: E402

make_server("127.0.0.1", {{PORT}}, application).serve_forever()
