"""Shared checks for the robustness tests: the lossless span contract, checked generically.

Every table a :class:`~analysis.document.Document` exposes through ``doc.layers()`` is checked
the same way, so a layer added later is covered without touching the tests: every pair of
columns ``<prefix>start`` / ``<prefix>end`` must lie inside the text, and when the table also
has ``<prefix>text`` that text must be ``source[start:end]``.
"""

from __future__ import annotations

import pandas as pd


def span_columns(df: pd.DataFrame) -> list[tuple[str, str, str | None]]:
    """``(start_col, end_col, text_col or None)`` for every start/end pair in ``df``."""
    out = []
    for col in df.columns:
        if not isinstance(col, str) or not col.endswith("start"):
            continue
        prefix = col[: -len("start")]
        end = prefix + "end"
        if end in df.columns:
            text = prefix + "text"
            out.append((col, end, text if text in df.columns else None))
    return out


def check_table_spans(name: str, df: pd.DataFrame, source: str) -> int:
    """Assert the span contract for one table; return how many spans were checked."""
    n = 0
    for start_col, end_col, text_col in span_columns(df):
        starts = df[start_col].tolist()
        ends = df[end_col].tolist()
        texts = df[text_col].tolist() if text_col else [None] * len(df)
        for i, (s, e, t) in enumerate(zip(starts, ends, texts)):
            if pd.isna(s) and pd.isna(e):
                continue  # a row with no span in the text (documented as such by its layer)
            assert not pd.isna(s) and not pd.isna(e), f"{name}[{i}]: {start_col}/{end_col} half missing ({s!r}, {e!r})"
            s, e = int(s), int(e)
            assert 0 <= s <= e <= len(source), f"{name}[{i}]: span ({s}, {e}) outside the text (length {len(source)})"
            if text_col is not None and not (isinstance(t, float) and pd.isna(t)):
                assert t == source[s:e], f"{name}[{i}]: {text_col}={t!r} but source[{s}:{e}]={source[s:e]!r}"
            n += 1
    return n


def check_document(doc) -> dict[str, int]:
    """Check every layer of ``doc`` plus the article's blocks; return spans checked per table."""
    source = doc.text
    counts = {}
    tables = dict(doc.layers())
    tables["blocks"] = doc.article.blocks
    for name, df in tables.items():
        assert isinstance(df, pd.DataFrame), f"layer {name} is a {type(df).__name__}, not a DataFrame"
        counts[name] = check_table_spans(name, df, source)
    check_blocks_rebuild(doc.article)
    check_tokens_rebuild(doc)
    return counts


def check_blocks_rebuild(article) -> None:
    """Blocks and separators tile the decoded text: in order, no gap, no overlap."""
    text = article.text
    pieces = [(int(s), int(e), "block") for s, e in zip(article.blocks["start"], article.blocks["end"])]
    pieces += [(s, e, "sep") for s, e in article.separators]
    pieces.sort()
    pos = 0
    for s, e, kind in pieces:
        assert s == pos, f"{kind} at {s} but the previous piece ended at {pos}"
        assert e > s, f"empty {kind} at {s}"
        pos = e
    assert pos == len(text)
    assert "".join(text[s:e] for s, e, _ in pieces) == text
    for s, e in article.separators:
        assert text[s:e].isspace(), f"separator {text[s:e]!r} holds more than whitespace"
    for s, e, block in zip(article.blocks["start"], article.blocks["end"], article.blocks["text"]):
        assert block == block.strip() and block, f"block {block!r} is blank or not stripped"


def check_tokens_rebuild(doc) -> None:
    """Tokens' text + whitespace rebuild every paragraph; sentences tile it up to whitespace."""
    source = doc.text
    tokens, sents, paras = doc.tokens, doc.sentences, doc.paragraphs
    # group row positions by paragraph with plain lists (fast on 100,000 paragraphs)
    tok_by_para: dict = {}
    for i, pid in enumerate(tokens["para_id"].tolist()):
        tok_by_para.setdefault(pid, []).append(i)
    sent_by_para: dict = {}
    for i, pid in enumerate(sents["para_id"].tolist()):
        sent_by_para.setdefault(pid, []).append(i)
    t_start, t_text, t_ws = tokens["start"].tolist(), tokens["text"].tolist(), tokens["whitespace"].tolist()
    s_start, s_end = sents["start"].tolist(), sents["end"].tolist()
    for pid, start, end, ptext in zip(paras["para_id"].tolist(), paras["start"].tolist(),
                                      paras["end"].tolist(), paras["text"].tolist()):
        rows = tok_by_para.get(pid)
        assert rows, f"paragraph {pid} has no tokens: {ptext[:60]!r}"
        assert t_start[rows[0]] == start, f"paragraph {pid}: text before the first token"
        assert "".join(t_text[i] + t_ws[i] for i in rows) == ptext, f"paragraph {pid} is not rebuilt by its tokens"
        assert all(t_ws[i] == "" or t_ws[i].isspace() for i in rows), f"paragraph {pid}: non-space text outside tokens"
        pos = start
        for i in sent_by_para[pid]:
            s, e = s_start[i], s_end[i]
            assert s >= pos and (s == pos or source[pos:s].isspace()), f"paragraph {pid}: text lost between sentences"
            pos = e
        assert pos == end, f"paragraph {pid}: text lost after the last sentence"
    # every token lies in its sentence
    sent_span = dict(zip(sents["sent_id"].tolist(), zip(s_start, s_end)))
    for sid, s, e in zip(tokens["sent_id"].tolist(), t_start, tokens["end"].tolist()):
        a, b = sent_span[sid]
        assert a <= s < e <= b, f"token ({s}, {e}) outside its sentence {sid} ({a}, {b})"
