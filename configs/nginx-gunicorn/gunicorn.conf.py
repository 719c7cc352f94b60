# Gunicorn 20.1 (Debian package gunicorn), started as: gunicorn -c gunicorn.conf.py
# Differs from Gunicorn's defaults: bind (default 127.0.0.1:8000), the application and its folder, the pid file,
# and user (default: the user who started it). Everything else is the default: one sync worker (workers = 1,
# worker_class = "sync"), forwarded_allow_ips = "127.0.0.1", no access log.
bind = "127.0.0.1:{{UPSTREAM_PORT}}"
chdir = "{{ROOT}}/app"
wsgi_app = "dump_wsgi:application"
pidfile = "{{ROOT}}/run/gunicorn.pid"
user = "www-data"
group = "www-data"
