#!/usr/bin/env python3
"""Serves the built site on 127.0.0.1 with the headers a deployment sends (from
deploy/headers.json via site_headers.py), so what is tried locally is what is deployed.

  serve.py DIRECTORY [PORT]      (PORT 0: any free port, printed on the first line)
"""
import functools
import http.server
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import site_headers  # noqa: E402


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".json": "application/json"}

    def end_headers(self):
        h = site_headers.headers((pathlib.Path(self.directory) / "deploy-config.json").read_text()
                                 if (pathlib.Path(self.directory) / "deploy-config.json").exists() else None)
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        extra = dict(h["every_file"])
        if path in h["page_paths"]:
            extra.update(h["the_page"])
        for name, value in extra.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format, *args):  # quiet: one line per request is noise here
        pass


def main():
    directory = sys.argv[1]
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 8765
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=directory))
    print(f"http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
