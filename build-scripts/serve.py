#!/usr/bin/env python3
"""Serves the built site on 127.0.0.1 with the headers a deployment sends (from
deploy/headers.json via site_headers.py), compressed with gzip when the browser accepts it
as the shipped server configurations do, so what is tried locally is what is deployed.

  serve.py DIRECTORY [PORT]      (PORT 0: any free port, printed on the first line)
"""
import functools
import gzip
import http.server
import io
import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import site_headers  # noqa: E402


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".webmanifest": "application/manifest+json",
                      ".js": "text/javascript", ".json": "application/json"}

    compressed = {}  # (file, mtime) -> gzip bytes, made once

    def send_head(self):
        """The file gzip-compressed when the browser accepts it and its type is one the
        deployment compresses (site_headers.COMPRESSED_TYPES), else as usual."""
        path = pathlib.Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.is_file() or (ctype not in site_headers.COMPRESSED_TYPES and ctype != "text/html"):
            return super().send_head()
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns)
        body = Handler.compressed.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            Handler.compressed[key] = body
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def list_directory(self, path):
        """No folder listings: a listing is a page of its own, without the page's headers."""
        self.send_error(404, "File not found")
        return None

    def serves_page(self, page_paths):
        """Whether this request is answered with the page's file, however its path is spelled
        (/%69ndex.html, //index.html, /trials/../index.html): decided on the file it resolves
        to, not on the spelling."""
        root = pathlib.Path(self.directory).resolve()
        pages = {(root / p.lstrip("/") / "index.html") if p.endswith("/") else (root / p.lstrip("/"))
                 for p in page_paths}
        served = pathlib.Path(self.translate_path(self.path)).resolve()  # decoded, without . and ..
        if served.is_dir():
            served = served / "index.html"
        return served in {page.resolve() for page in pages}

    def end_headers(self):
        h = site_headers.headers((pathlib.Path(self.directory) / "deploy-config.json").read_text()
                                 if (pathlib.Path(self.directory) / "deploy-config.json").exists() else None)
        extra = dict(h["every_file"])
        if self.serves_page(h["page_paths"]):
            extra.update(h["the_page"])
        elif self.serves_page(h["window_paths"]):
            extra.update(h["the_window"])
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
