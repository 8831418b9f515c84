"""Fetching a web page, only when the user gives a URL.

The standard library's ``urllib`` does the request (one GET, redirects followed, a time limit,
a size limit). Any failure (no network, an unknown host, an HTTP error, something that is not a
web page) is an :class:`~analysis.errors.InputError` of one line saying what happened and how to
save the page by hand.
"""

from __future__ import annotations

import datetime as _dt

from ..errors import InputError

#: seconds allowed for the connection and for each read
TIMEOUT = 20
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) analysis-news-reader (+https://pypi.org/project/trafilatura/)"

_SAVE_BY_HAND = ("open the page in a browser, save it with File > Save Page As (\"Web Page, HTML only\", .html) "
                 "and give that file instead")


def fetch(url: str, *, max_bytes: int = 10_000_000, timeout: float = TIMEOUT) -> tuple[bytes, dict]:
    """GET ``url``; return ``(body, info)`` with ``info = {"url", "final_url", "fetched_at",
    "status", "content_type"}`` (``fetched_at`` in UTC, ISO 8601).

    Raises:
        InputError: the page could not be fetched (the message says why and how to save it by
            hand), is larger than ``max_bytes``, or is not HTML or text.
    """
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"})
    opener = urllib.request.build_opener()  # the user's proxy settings apply; http(s) only, checked by the caller
    try:
        with opener.open(request, timeout=timeout) as response:
            body = response.read(max_bytes + 1)
            status = getattr(response, "status", 200)
            content_type = response.headers.get("Content-Type", "") or ""
            final_url = response.geturl()
    except urllib.error.HTTPError as exc:
        raise InputError(f"the page {url} could not be fetched: the server answered {exc.code} {exc.reason}; "
                         f"{_SAVE_BY_HAND}") from None
    except urllib.error.URLError as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"the page {url} could not be fetched ({_reason(reason)}: no network, or a wrong address?); "
                         f"{_SAVE_BY_HAND}") from None
    except (OSError, ValueError) as exc:  # timeouts, resets, malformed addresses
        raise InputError(f"the page {url} could not be fetched ({_reason(exc)}); {_SAVE_BY_HAND}") from None
    if len(body) > max_bytes:
        raise InputError(f"the page {url} is larger than {max_bytes / 1e6:.0f} MB; {_SAVE_BY_HAND}")
    kind = content_type.split(";")[0].strip().lower()
    if kind and not (kind.startswith("text/") or "html" in kind or "xml" in kind):
        raise InputError(f"{url} is not a web page (its type is {kind}); download the file and, if it is a document, "
                         "save the article as plain text (.txt) or as a web page (.html)")
    info = {"url": url, "final_url": final_url, "status": status, "content_type": content_type,
            "fetched_at": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")}
    return body, info


def _reason(exc) -> str:
    text = " ".join(str(getattr(exc, "strerror", None) or exc).split())
    return text or type(exc).__name__
