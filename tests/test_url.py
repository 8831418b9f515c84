"""Web addresses: the page is fetched only when a URL is given, kept as source.html, and a
failure to fetch is one ``error:`` line. Pages are served from a local http.server on
127.0.0.1; nothing here reaches outside this machine."""

from __future__ import annotations

import functools
import json
import socket
import subprocess
import sys
import threading
import warnings
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import analysis
from analysis.errors import InputError, InputWarning

ROOT = Path(__file__).resolve().parent.parent

PARAGRAPHS = [
    "The regional library reopened on Saturday after a year of building work that doubled its reading rooms.",
    "Readers queued before the doors opened, and the first hundred visitors were given a tote bag and a map.",
    "“A library is the one room in town where nobody asks you to buy anything,” the head librarian said.",
    "The building now has a children's floor, a sound studio and a workshop where visitors can mend bicycles.",
]
PAGE = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Library reopens after a year | Valley Post</title>"
        "<meta property='og:site_name' content='Valley Post'>"
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": \"2023-10-07T09:00:00Z\"}</script>"
        "</head><body><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav><article><h1>Library reopens after a year</h1>"
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</article></body></html>")


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no request log on stderr
        pass


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    root = tmp_path_factory.mktemp("site")
    (root / "news").mkdir()
    (root / "news" / "library.html").write_text(PAGE, encoding="utf-8")
    (root / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch):
    for key in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_load_article_fetches_a_url(server):
    url = server + "/news/library.html"
    art = analysis.load_article(url)
    assert art.title == "Library reopens after a year"
    assert art.paragraphs["text"].tolist() == PARAGRAPHS
    assert art.published.isoformat() == "2023-10-07" and art.source == "Valley Post"
    assert art.meta["url"] == url and art.meta["fetched_at"].endswith("Z")
    assert art.source_html == PAGE.encode("utf-8")
    assert "Home" not in art.text


def test_cli_annotate_url_keeps_the_page_and_rebuilds_offline(server, tmp_path):
    url = server + "/news/library.html"
    out = tmp_path / "out"
    res = subprocess.run([sys.executable, "-m", "analysis", "annotate", url, "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT, env=_env())
    assert res.returncode == 0, res.stderr
    info = json.loads((out / "article.json").read_text(encoding="utf-8"))
    assert info["url"] == url and info["fetched_at"] and info["extractor"]["name"] == "trafilatura"
    assert (out / "source.html").read_bytes() == PAGE.encode("utf-8")
    again = analysis.load_article(out / "source.html")  # offline, from the saved page and its sidecar
    assert again.paragraphs["text"].tolist() == PARAGRAPHS
    assert again.meta["url"] == url and again.slug == analysis.load_article(url).slug == "library-reopens-after-a-year"


@pytest.mark.parametrize("path,needle", [("/news/missing.html", "404"), ("/photo.png", "not")])
def test_http_errors_and_non_pages_are_one_error_line(server, tmp_path, path, needle):
    res = subprocess.run([sys.executable, "-m", "analysis", "annotate", server + path, "--out", str(tmp_path / "o")],
                         capture_output=True, text=True, cwd=ROOT, env=_env())
    lines = res.stderr.strip().splitlines()
    assert res.returncode == 2 and len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0], res.stderr


def test_no_network_is_one_error_line_saying_how_to_save_the_page(tmp_path):
    url = f"http://127.0.0.1:{_closed_port()}/story.html"
    with pytest.raises(InputError, match="could not be fetched"):
        analysis.load_article(url)
    for command in ("annotate", "report"):
        args = [sys.executable, "-m", "analysis", command, url, "--out", str(tmp_path / command)]
        res = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, env=_env())
        lines = res.stderr.strip().splitlines()
        assert res.returncode == 2 and len(lines) == 1, res.stderr
        assert lines[0].startswith("error:") and "could not be fetched" in lines[0] and "Save Page As" in lines[0]


def test_a_file_path_never_touches_the_network(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("no fetch for a file")

    import analysis.article.fetch

    monkeypatch.setattr(analysis.article.fetch, "fetch", refuse)
    path = tmp_path / "library.html"
    path.write_text(PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        assert analysis.load_article(path).paragraphs["text"].tolist() == PARAGRAPHS


def test_is_url():
    from analysis.article import is_url

    assert is_url("https://example.org/a.html") and is_url("HTTP://example.org")
    assert not is_url("example.org/a.html") and not is_url("notes/http.txt") and not is_url(Path("a.html"))


def _env():
    import os

    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_report_on_a_url_runs_its_notebooks_on_the_saved_page(server, tmp_path):
    import nbformat

    import analysis.report as rep

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell("ARTICLE = None\nPUBLISHED = None\nEXPORT_DIR = None")
    params.metadata["tags"] = ["parameters"]
    nb.cells += [params, nbformat.v4.new_code_cell(
        "import analysis\nart = analysis.load_article(ARTICLE)\n"
        f"assert art.paragraphs['text'].tolist() == {PARAGRAPHS!r}\nassert ARTICLE.endswith('source.html')")]
    notebook = tmp_path / "10-check.ipynb"
    nbformat.write(nb, notebook)
    url = server + "/news/library.html"
    out = tmp_path / "report"
    report = rep.run_report(url, out=out, notebooks=[notebook], workers=1, progress=False)
    assert [r.status for r in report.runs] == ["ok"]
    assert (out / "source.html").read_bytes() == PAGE.encode("utf-8")
    info = json.loads((out / "tables" / "article.json").read_text(encoding="utf-8"))
    assert info["url"] == url and info["fetched_at"]
    page = (out / "index.html").read_text(encoding="utf-8")
    assert url in page and "source.html" in page


def test_annotate_takes_a_url_too(server):
    doc = analysis.annotate(server + "/news/library.html")
    assert doc.paragraphs["text"].tolist() == PARAGRAPHS and doc.article.source_html is not None


def test_reading_a_saved_page_opens_no_connection(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a connection was attempted while reading a saved page")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    path = tmp_path / "library.html"
    path.write_text(PAGE.replace("<head>", "<head><link rel='canonical' href='https://example.org/news/library.html'>"),
                    encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        art = analysis.load_article(path)
    assert art.paragraphs["text"].tolist() == PARAGRAPHS and art.source_html is None
