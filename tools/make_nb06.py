import sys; sys.path.insert(0, "tools")
from notebook_builder import build
cells = [
("md", r"""
# 06 · Compare articles: one event, several texts

**What you will learn:** how to run the whole annotation over a folder of articles at once (on all
cores, or on a Dask cluster), where the tables go (Parquet files with an `article_id` column), and
four ways to compare articles: the words that make each article distinctive (*keyness*), who each
article names, one timeline for all of them, and who takes which stance across the corpus.

**Time:** 30 minutes · **Level:** intermediate · **You need:** notebooks 01–02, a little pandas
(`groupby`, `pivot_table`) · **Libraries:** `analysis` (corpus mode), pandas, pyarrow (Parquet),
concurrent.futures / Dask for the parallel run, matplotlib

The corpus here is small on purpose: the example article plus three short texts **written for this
package** (invented teaching texts about the same region and months, not real news). Your own
article, when you give one, joins them.
"""),
("md", "## Parameters\n`ARTICLE` (a `.txt`, `.md` or `.html` file) is added to the demo corpus; `None` compares only the demo articles."),
("params", r"""
ARTICLE = None      # path to an article file to add to the corpus; None = only the demo corpus
PUBLISHED = None    # "YYYY-MM-DD" publication date of ARTICLE
EXPORT_DIR = None   # folder to save charts and tables into; None = don't save
"""),
("code", r"""
import shutil, tempfile
from pathlib import Path

import analysis
from analysis import corpus, plots
from analysis.export import save, save_table

work = Path(tempfile.mkdtemp(prefix="corpus-"))
folder = corpus.make_demo_corpus(work / "articles")
if ARTICLE and Path(ARTICLE).resolve() != Path(analysis.SEED).resolve():
    src = Path(ARTICLE)
    shutil.copyfile(src, folder / src.name)
    if PUBLISHED:                     # the date goes into a sidecar, as for any article in a folder
        (folder / src.with_suffix(".yml").name).write_text(f"published: {PUBLISHED}\n", encoding="utf-8")
    elif src.with_suffix(".yml").is_file():
        shutil.copyfile(src.with_suffix(".yml"), folder / src.with_suffix(".yml").name)
sorted(p.name for p in folder.iterdir())
"""),
("md", r"""
## 1. Annotate the whole folder
`annotate_corpus` runs exactly what `analysis.annotate` does for one article, for every file, in
several worker processes at once. Each layer (tokens, sentences, and every analysis layer installed)
is written to `OUT/<layer>/part-*.parquet` as soon as a batch of articles is done, so memory stays
flat however many articles there are. A file that cannot be read does not stop the run: it is listed
in `OUT/errors.csv`. Run it again and the articles already done (same content) are skipped.

The same call runs on a Dask cluster: `annotate_corpus(folder, out=..., scheduler="tcp://host:8786")`,
or from the command line: `python -m analysis corpus FOLDER --out OUT --workers 2`.
"""),
("code", r"""
out = work / "out"
result = corpus.annotate_corpus(folder, out=out, workers=2, progress=False)
print(result.summary())
result.errors
"""),
("code", r"""
manifest = corpus.read_manifest(out)
manifest[["article_id", "title", "published", "n_paragraphs", "n_sentences", "n_tokens"]]
"""),
("code", r"""
again = corpus.annotate_corpus(folder, out=out, workers=2, progress=False)
print(again.summary())        # nothing to do: every article is already there
"""),
("md", r"""
Every table is one DataFrame for the whole corpus, with an `article_id` column. For instance, the
share of word tokens that are stopwords, article by article:
"""),
("code", r"""
tokens = corpus.read_layer(out, "tokens")
words = tokens[~tokens.is_punct]
words.groupby("article_id").agg(words=("text", "size"), stopword_share=("is_stop", "mean")).round(2)
"""),
("md", r"""
## 2. Keyness: what makes each article distinctive?
A word frequent in *every* article says little; a word much more frequent in one article than in the
others says what it is about. For each article and each word, the **log-likelihood G²** (Dunning 1993)
compares its count in the article with its count in all the *other* articles, given their sizes.
G² above 3.84 is unlikely by chance at p < 0.05 (above 6.63, p < 0.01) — for *one* word; we test
hundreds, so read it as a ranking, not as proof. **log_ratio** is the effect size: 1 means twice as
frequent as in the rest, 2 four times. Only words over-used in the article are listed.
"""),
("code", r"""
key = corpus.keyness(out, top=8)
key.head(16)
"""),
("code", r"""
fig = plots.corpus_keyness(key, top=6)
save(fig, "06-keyness", Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None)
save_table(key, "06-keyness", Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None)
fig
"""),
("md", r"""
## 3. Who does each article name?
With the actors layer installed, mentions are resolved (*the minister* → the person, *Moscow* → Russia)
and counted per actor. Without it, the table falls back on runs of proper nouns (the `source` column
says which you are looking at). `share` is the actor's part of the article's mentions; `n_articles`
how many articles name it at all.
"""),
("code", r"""
actors = corpus.actor_mentions(out)
print("source:", actors["source"].iloc[0] if len(actors) else "-")
actors.sort_values(["n_articles", "mentions"], ascending=False).head(15)
"""),
("code", r"""
fig = plots.corpus_actors(actors, top=15)
save(fig, "06-actors-per-article", Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None)
save_table(actors, "06-actor-mentions", Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None)
fig
"""),
("md", r"""
## 4. One timeline for all the articles
Each article's dated events (from the timeline layer; without it, the dates the text mentions, or only
the publication dates) on one axis. Compare *when* each article is published with *which* past and
future dates it talks about.
"""),
("code", r"""
timeline = corpus.combined_timeline(out)
timeline.head(20)
"""),
("code", r"""
fig = plots.corpus_timeline(timeline)
save(fig, "06-combined-timeline", Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None)
save_table(timeline, "06-combined-timeline", Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None)
fig
"""),
("md", r"""
## 5. Stance by holder across articles
With the stance layer installed, each statement "holder is for / against target" is counted per
holder over the whole corpus: does the same actor take the same position in every outlet that
reports it? Without the stance layer the table is empty.
"""),
("code", r"""
stance = corpus.stance_by_holder(out)
stance.head(12)
"""),
("code", r"""
fig = plots.corpus_stance(stance)
save(fig, "06-stance-by-holder", Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None)
save_table(stance, "06-stance-by-holder", Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None)
fig
"""),
("md", r"""
## What this measures, and what it misses
* **Keyness depends on the reference.** Against three short texts, almost any topical word is "key".
  With hundreds of articles the ranking becomes meaningful; with four it is a conversation starter.
  Short articles give small counts, and G² is unreliable when the expected counts are below about 5.
* **Counts are not prominence.** An actor named ten times in the last paragraph counts more than one named
  once in the headline. Use the per-article tables of notebooks 02–05 to see *where*.
* **Same event, different dates.** A publication date is when the text appeared, not when the events
  happened; an article without a date (no sidecar, no dateline) cannot place "yesterday" on the axis.
* **Parallel runs are for big folders.** On four articles, starting the worker processes takes longer
  than the work; the figures in `docs/notes/corpus.md` are for 1,000 articles.

## For discussion
1. Which words are key in the example article but not in the others? Do they name the event, the actors or the writer's framing?
2. Which actors appear in every article, and which in only one? What does that suggest about each text's angle?
3. Do the articles agree on the dates? Which article looks furthest into the past or the future, and why might it?
4. If you collected 200 articles on one event from several countries' media, which of these four views would you trust most, and what would you check by reading?
"""),
]
build("notebooks/06-compare-articles.ipynb", cells)
