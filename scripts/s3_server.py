#!/usr/bin/env python3
"""moto's S3 server on loopback, one request at a time.

Usage: s3_server.py PORT     (run with .venv-s3/bin/python; serves until killed)

moto 5.2.5 checks `If-None-Match: *` and stores the object in two steps without a lock, so two
PUTs racing for one key can both succeed on its threaded server — unlike S3, where a conditional
write is atomic. A lock around the application makes every request atomic (connections are
still served by threads, so keep-alive clients do not starve each other).
"""
import os
import sys
import threading

from werkzeug.serving import run_simple

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

port = int(sys.argv[1])
os.environ.setdefault("MOTO_PORT", str(port))
app = DomainDispatcherApplication(create_backend_app)
lock = threading.Lock()


def serialized(environ, start_response):
    with lock:
        return list(app(environ, start_response))


run_simple("127.0.0.1", port, serialized, threaded=True, request_handler=MotoRequestHandler)
