"""Corpus mode: Parquet layers for good articles, errors.csv for bad ones, Dask = process, reruns skip."""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

import analysis
from analysis import corpus
from analysis.document import BASE_LAYERS, available_layers

pytest.importorskip("pyarrow")

HERE = Path(__file__).resolve().parent
GOLD = yaml.safe_load((HERE / "gold" / "corpus.yml").read_text(encoding="utf-8"))
TEST_ARTICLES = ["corpus_port_strike", "corpus_water_summit"]


def _copy(path: Path, folder: Path) -> None:
    shutil.copyfile(path, folder / path.name)
    side = path.with_suffix(".yml")
    if side.is_file():
        shutil.copyfile(side, folder / side.name)


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    _copy(Path(analysis.SEED), folder)
    for name in TEST_ARTICLES:
        _copy(HERE / "articles" / f"{name}.txt", folder)
    (folder / f"{GOLD['broken']['article']}.txt").write_bytes(b"Broken file\n\nThis \x00\x00 file has NUL bytes.\x00\n")
    return folder


@pytest.fixture(scope="module")
def process_out(corpus_dir, tmp_path_factory) -> tuple[Path, corpus.CorpusResult]:
    out = tmp_path_factory.mktemp("out-process")
    res = corpus.annotate_corpus(corpus_dir, out=out, workers=2, progress=False, chunk_size=1)
    return out, res


def _layers() -> list[str]:
    return list(BASE_LAYERS) + available_layers()


def _sorted(df: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("article_id", "start", "end", "token_id", "sent_id", "para_id") if c in df.columns]
    df = df.sort_values(keys, kind="stable").reset_index(drop=True)
    # a chunk whose column is all missing reads back as None, others as NaN: compare missing as missing
    return df.astype(object).where(df.notna(), None)


def test_good_articles_become_parquet_layers_and_the_bad_one_a_row_in_errors(process_out):
    out, res = process_out
    good = set(GOLD["articles"])
    assert set(res.done) == good and not res.skipped
    for layer in BASE_LAYERS:
        parts = list((out / layer).glob("part-*.parquet"))
        assert parts, layer
        assert set(corpus.read_layer(out, layer)["article_id"]) == good
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors.columns[:2]) == ["article", "path"] and "error" in errors.columns
    assert len(errors) == 1
    assert errors.loc[0, "article"] == GOLD["broken"]["article"]
    assert GOLD["broken"]["error_contains"] in errors.loc[0, "error"]
    assert not res.ok and len(res.errors) == 1


def test_manifest_matches_the_hand_written_gold(process_out):
    out, _ = process_out
    man = corpus.read_manifest(out).set_index("article_id")
    for article_id, gold in GOLD["articles"].items():
        row = man.loc[article_id]
        assert row["title"] == gold["title"]
        assert row["published"] == gold["published"]
        assert row["n_paragraphs"] == gold["n_paragraphs"]
        assert row["n_sentences"] == gold["n_sentences"]
        assert set(row["layers"].split(";")) == set(_layers())


def test_corpus_rows_equal_annotate_on_each_file_and_offsets_point_into_the_text(process_out, corpus_dir):
    out, _ = process_out
    for article_id in GOLD["articles"]:
        doc = analysis.annotate(analysis.load_article(corpus_dir / f"{article_id}.txt"))
        for layer in _layers():
            expected = doc.layer(layer).reset_index(drop=True)
            got = corpus.read_layer(out, layer)
            got = got[got["article_id"] == article_id].drop(columns="article_id").reset_index(drop=True)
            if expected.empty:
                assert got.empty, layer
                continue
            pd.testing.assert_frame_equal(got, expected, check_dtype=False, obj=f"{article_id}/{layer}")
            if {"start", "end", "text"} <= set(got.columns):
                spans = got.dropna(subset=["start", "end"])
                assert all(doc.text[int(s):int(e)] == t for s, e, t in zip(spans["start"], spans["end"], spans["text"])), layer


def test_hand_counted_lemmas_come_out_of_the_tokens_layer(process_out):
    out, _ = process_out
    tokens = corpus.read_layer(out, "tokens", columns=["lemma", "is_alpha"])
    for article_id, gold in GOLD["articles"].items():
        for lemma, count in gold.get("lemma_counts", {}).items():
            mine = tokens[(tokens["article_id"] == article_id) & (tokens["lemma"].str.lower() == lemma)]
            assert len(mine) == count, (article_id, lemma)


def test_rerun_skips_done_articles_and_reannotates_an_edited_one(corpus_dir, tmp_path):
    folder = tmp_path / "in"
    shutil.copytree(corpus_dir, folder)
    out = tmp_path / "out"
    first = corpus.annotate_corpus(folder, out=out, workers=1, progress=False)
    assert len(first.done) == 3 and len(first.errors) == 1
    again = corpus.annotate_corpus(folder, out=out, workers=1, progress=False)
    assert again.done == [] and sorted(again.skipped) == sorted(GOLD["articles"])
    assert len(again.errors) == 1  # the broken file is retried and fails again
    # edit one article: only that one is annotated again, and reading gives its new text only
    path = folder / "corpus_port_strike.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nA new closing paragraph was added.\n", encoding="utf-8")
    third = corpus.annotate_corpus(folder, out=out, workers=1, progress=False)
    assert third.done == ["corpus_port_strike"] and len(third.skipped) == 2
    paras = corpus.read_layer(out, "paragraphs")
    assert (paras["article_id"] == "corpus_port_strike").sum() == GOLD["articles"]["corpus_port_strike"]["n_paragraphs"] + 1
    assert corpus.read_manifest(out)["article_id"].is_unique


@pytest.mark.slow
def test_dask_local_cluster_gives_the_same_tables_as_the_process_engine(process_out, corpus_dir, tmp_path):
    distributed = pytest.importorskip("distributed")
    out_p, _ = process_out
    out_d = tmp_path / "out-dask"
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        res = corpus.annotate_corpus(corpus_dir, out=out_d, engine="dask", scheduler=cluster, progress=False, chunk_size=2)
    assert sorted(res.done) == sorted(GOLD["articles"]) and len(res.errors) == 1
    for layer in _layers():
        pd.testing.assert_frame_equal(_sorted(corpus.read_layer(out_d, layer)), _sorted(corpus.read_layer(out_p, layer)),
                                      check_dtype=False, obj=layer)
    man_p = corpus.read_manifest(out_p).drop(columns=["part", "seconds", "path"]).sort_values("article_id").reset_index(drop=True)
    man_d = corpus.read_manifest(out_d).drop(columns=["part", "seconds", "path"]).sort_values("article_id").reset_index(drop=True)
    pd.testing.assert_frame_equal(man_d, man_p, check_dtype=False)


def test_keyness_matches_the_hand_computation(tmp_path):
    toy = GOLD["keyness_toy"]
    folder = tmp_path / "toy"
    folder.mkdir()
    (folder / "a.txt").write_text(toy["a"], encoding="utf-8")
    (folder / "b.txt").write_text(toy["b"], encoding="utf-8")
    out = tmp_path / "toy-out"
    corpus.annotate_corpus(folder, out=out, workers=1, progress=False)
    # the hand computation assumes 5 content words per article in the token fallback
    if "terms" not in corpus.layers_in(out):
        tokens = corpus.read_layer(out, "tokens")
        content = tokens[tokens.is_alpha & ~tokens.is_stop]
        assert content.groupby("article_id").size().to_dict() == {"a": 5, "b": 5}
    key = corpus.keyness(out, top=5, min_count=2, max_p=None)  # G² 2.77: not significant, listed on request
    assert len(key) == len(toy["expected"])
    assert corpus.keyness(out, top=5, min_count=2).empty  # by default only p <= 0.05 (G² >= 3.84)
    for exp in toy["expected"]:
        row = key[(key.article_id == exp["article_id"]) & (key.term == exp["term"])].iloc[0]
        assert row["rank"] == 1 and row["count"] == exp["count"] and row["count_rest"] == exp["count_rest"]
        assert math.isclose(row["g2"], exp["g2"], rel_tol=1e-5)
        assert math.isclose(row["log_ratio"], exp["log_ratio"], rel_tol=1e-9)
        assert math.isclose(row["per_1000"], exp["per_1000"])


def test_cross_article_views(process_out):
    out, _ = process_out
    key = corpus.keyness(out, top=10)
    assert set(key["article_id"]) == set(GOLD["articles"])
    assert (key.groupby("article_id")["rank"].max() <= 10).all()
    assert (key["g2"] > 0).all() and (key["per_1000"] > key["per_1000_rest"]).all()
    strike = key[key.article_id == "corpus_port_strike"]
    assert "port" in set(strike.term)  # 3 times here, absent from the other two

    actors = corpus.actor_mentions(out)
    assert list(actors.columns) == ["article_id", "actor_id", "actor", "actor_type", "mentions", "share", "n_articles", "source"]
    assert set(actors["article_id"]) == set(GOLD["articles"])
    assert actors.groupby("article_id")["share"].sum().round(9).eq(1).all()
    named = " ".join(actors.loc[actors.article_id == "corpus_water_summit", "actor"])
    assert "Egypt" in named and "Ethiopia" in named

    timeline = corpus.combined_timeline(out)
    assert list(timeline.columns) == ["date", "article_id", "title", "published", "value", "what", "actors", "source"]
    dated = timeline.dropna(subset=["date"])
    assert dated["date"].is_monotonic_increasing and len(dated) >= 3
    assert set(timeline["article_id"]) == set(GOLD["articles"])

    stance = corpus.stance_by_holder(out)
    assert list(stance.columns) == ["holder_id", "holder", "favor", "against", "neutral", "n_statements", "n_articles", "targets"]
    if "stance" in available_layers():
        assert (stance[["favor", "against", "neutral"]].sum(axis=1) == stance["n_statements"]).all()
    else:
        assert stance.empty


def test_cli_exit_status_and_summary(corpus_dir, tmp_path, capsys):
    from analysis.cli import main

    assert main(["corpus", str(corpus_dir), "--out", str(tmp_path / "o1"), "--workers", "1"]) == 2
    captured = capsys.readouterr()
    assert "3 annotated" in captured.out.strip().splitlines()[-1] and "1 failed" in captured.out
    assert GOLD["broken"]["article"] in captured.err
    good = tmp_path / "good"
    good.mkdir()
    _copy(HERE / "articles" / "corpus_port_strike.txt", good)
    assert main(["corpus", str(good), "--out", str(tmp_path / "o2"), "--workers", "1"]) == 0
    capsys.readouterr()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["corpus", str(empty), "--out", str(tmp_path / "o3")]) == 2
    assert capsys.readouterr().err.startswith("error: ")
    assert main(["corpus", str(tmp_path / "missing"), "--out", str(tmp_path / "o4")]) == 2


def test_bad_options_are_refused(corpus_dir, tmp_path):
    with pytest.raises(ValueError, match="choose from process, dask"):
        corpus.annotate_corpus(corpus_dir, out=tmp_path, engine="spark")
    with pytest.raises(ValueError, match="1 or more"):
        corpus.annotate_corpus(corpus_dir, out=tmp_path, workers=0)
    with pytest.raises(ValueError, match="available"):
        corpus.annotate_corpus(corpus_dir, out=tmp_path, layers=["no-such-layer"])
    with pytest.raises(analysis.InputError):
        corpus.find_articles([tmp_path / "nope.txt"])


def test_demo_corpus_ships_the_seed_and_original_articles(tmp_path):
    folder = corpus.make_demo_corpus(tmp_path / "demo")
    names = sorted(p.name for p in folder.glob("*.txt"))
    assert Path(analysis.SEED).name in names and len(names) >= 4
    ids = [a for a, _ in corpus.find_articles(folder)]
    assert len(ids) == len(names) and len(set(ids)) == len(ids)
    for path in corpus.demo_articles():
        art = analysis.load_article(path)
        assert art.published is not None and art.title and len(art.paragraphs) >= 3


def test_tables_mixing_object_and_str_columns_join_as_pandas_joins_them():
    import numpy as np
    import pyarrow as pa

    empty = pd.DataFrame({c: pd.Series([], dtype="object") for c in ("n", "who", "flag", "k")})
    full = pd.DataFrame({"n": [1, 2], "who": ["the mayor", None], "flag": [True, False],
                         "k": pd.array([3, None], dtype="Int64")})
    mixed = pd.DataFrame({"n": [7], "who": pd.Series(["a clerk"], dtype=object), "flag": [False],
                          "k": pd.array([5], dtype="Int64")})
    for frames in ([empty, full, mixed, empty], [full, full], [empty, empty], [mixed, full]):
        want = pd.concat(frames, ignore_index=True)
        got = corpus._concat_frames(frames)
        pd.testing.assert_frame_equal(got, want, check_exact=True)
        assert [type(v) for v in got["who"]] == [type(v) for v in want["who"]]
        assert pa.Table.from_pandas(got, preserve_index=False).equals(pa.Table.from_pandas(want, preserve_index=False))
    floats = pd.DataFrame({"n": np.array([1.5]), "who": ["x"], "flag": [True], "k": pd.array([1], dtype="Int64")})
    pd.testing.assert_frame_equal(corpus._concat_frames([full, floats]), pd.concat([full, floats], ignore_index=True))
