# Cheroot, CherryPy's HTTP/WSGI server, with its defaults, on 127.0.0.1:{{PORT}}.
# It has no static file handling of its own: /static/ reaches the application too.
# This is cheroot.wsgi.Server on its own, not CherryPy's engine: cherrypy.tree.graft(application) with
# cherrypy.engine.start() runs Cheroot in proxy mode behind CherryPy's URL tree, which answers differently
# (absolute-form targets and CONNECT accepted, slashes merged, Server: the bind address).
import sys

sys.path.insert(0, "{{ROOT}}/app")
from cheroot.wsgi import Server  # noqa: E402

from dump_wsgi import application  # noqa: E402

Server(("127.0.0.1", {{PORT}}), application).safe_start()
