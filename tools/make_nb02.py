import sys; sys.path.insert(0, "tools")
from notebook_builder import build, parameter_cells
cells = [
("md", r"""
# 02 · Term frequencies: what is the article about, and how does it say it?

**What you will learn:** how to count the words of an article in a way you can defend — lemmas or
surface forms, with or without stopwords — and how to go beyond single words: repeated phrases,
collocations, the words that make each paragraph distinctive, keyword-in-context lines and where the
key terms fall across the text. These are the questions Voyant Tools (Summary, Cirrus, Phrases,
Collocates, Contexts, Trends) answers; here every answer is a pandas table you can keep exploring.

**Time:** 30 minutes · **Level:** beginner · **You need:** notebook 01 (tokens, lemmas, stopwords) ·
**Libraries:** `analysis` (pandas tables), NLTK's collocation finders, matplotlib
"""),
*parameter_cells(),
("code", r"""
from pathlib import Path
import pandas as pd
import analysis
from analysis import terms as T, plots
from analysis.export import save, save_table

CHARTS = Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None
TABLES = Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None
doc = analysis.annotate(analysis.load_article(ARTICLE or analysis.SEED, published=PUBLISHED))
doc
"""),
("md", r"""
## 1. The summary card
*Words* are the tokens that are not punctuation. *Word types* are the different words (case-folded);
**vocabulary density** = types ÷ words — a short text always scores high, so compare it only between texts
of similar length. **Flesch reading ease** (higher = easier; 60–70 is plain English, below 30 is
academic prose) and the **Flesch–Kincaid grade** (a US school year) only use sentence length and
syllables per word: they say nothing about whether the *ideas* are hard. Syllables are estimated by
rules (about nine words in ten get the dictionary count).
"""),
("code", r"""
card = T.summary_card(doc)
card
"""),
("md", r"""
## 2. Counting terms, with and without stopwords
`term_frequencies` counts **lemmas** by default (*ministers* and *minister* are one term), case-folded.
`rel_freq` is per 1,000 words, so articles of different lengths can be compared; `n_paragraphs` says how
widely a term is spread. Stopwords stay in the table, flagged `is_stop`:
"""),
("code", r"""
tf = T.term_frequencies(doc)
tf.head(12)
"""),
("code", r"""
content = T.term_frequencies(doc, include_stopwords=False)
content.head(15)
"""),
("code", r"""
share = tf.loc[tf.is_stop, "count"].sum() / tf["count"].sum()
print(f"stopwords are {share:.0%} of the words; the {len(content)} content terms share the rest")
"""),
("code", r"""
fig = plots.top_terms(doc, n=15)
save(fig, "02-top-terms", CHARTS);
"""),
("md", r"""
### Lemma or surface form?
Counting lemmas merges the forms of a word; counting surface forms (`by="lower"`) keeps them apart.
Here are the forms behind the most frequent content lemmas:
"""),
("code", r"""
words = doc.tokens[~doc.tokens.is_punct]
top_lemmas = content.term.head(5).tolist()
(words[words.lemma.isin(top_lemmas)]
 .groupby(["lemma", "text"]).size().rename("count").reset_index()
 .sort_values(["lemma", "count"], ascending=[True, False]))
"""),
("code", r"""
T.term_frequencies(doc, by="lower", include_stopwords=False).head(10)
"""),
("md", r"""
### Your own stopwords
Reporting verbs are everywhere in news. Add them for one table with `extra_stopwords=` (lemma mode also
catches *said* through its lemma *say*, which is already on the list):
"""),
("code", r"""
T.term_frequencies(doc, by="lower", extra_stopwords=["said", "says", "told"], include_stopwords=False).head(10)
"""),
("md", r"""
## 3. Repeated phrases
An n-gram is a run of 2–5 words. Here they never cross a sentence boundary or a punctuation mark.
Phrases made only of stopwords ("as well as") can be dropped:
"""),
("code", r"""
phrases = T.ngrams(doc, drop_stopword_only=True)
phrases.head(15)[["ngram", "n", "count", "n_paragraphs", "first_para"]]
"""),
("md", r"""
## 4. Collocations: words that keep company
A frequent pair is not necessarily a *fixed* pair ("the state" is frequent because both words are).
Association measures compare the pair's frequency with what the two words' own frequencies predict:
**PMI** (pointwise mutual information) rewards exclusive pairs, even rare ones; the **likelihood ratio**
rewards pairs that are both exclusive and frequent. `min_count` is the frequency filter.
"""),
("code", r"""
bigrams = T.collocations(doc, measure="likelihood_ratio", min_count=2)
bigrams.head(12)
"""),
("code", r"""
T.collocations(doc, measure="pmi", min_count=2).head(8)
"""),
("code", r"""
T.collocations(doc, n=3, include_stopwords=True, min_count=2).head(8)
"""),
("md", r"""
## 5. Distinctive terms
**TF-IDF per paragraph.** Each paragraph is treated as a document: `tfidf = tf × ln(N / df)` where `tf`
is the count in the paragraph, `N` the number of paragraphs and `df` the paragraphs containing the term.
A word found everywhere scores 0; a word repeated in one paragraph only scores highest.
"""),
("code", r"""
distinct = T.tfidf(doc, top=3)
distinct.pivot(index="para_id", columns="rank", values="term")
"""),
("md", r"""
**Keyness** compares the article with a *reference*: another article or a frequency table. G²
(log-likelihood) says how sure we can be that a difference is not chance (G² ≥ 3.84 means p < 0.05);
the **log ratio** says how big it is (+1 = twice as frequent). With no second article at hand, we
compare the second half of this article with its first half: what does the story move on to?
"""),
("code", r"""
paras = doc.paragraphs.text.tolist()
half = max(1, len(paras) // 2)
first = analysis.annotate(analysis.from_text("First half\n\n" + "\n\n".join(paras[:half])))
second = analysis.annotate(analysis.from_text("Second half\n\n" + "\n\n".join(paras[half:])))
T.keyness(second, first).head(10)
"""),
("md", r"""
## 6. Keywords in context
A count tells you *how often*; a concordance shows *how*. Each line is one occurrence with its
neighbours (5 words each side, inside the paragraph). Sort by the left or right context to see patterns.
Here: the three most frequent content lemmas, and the strongest collocation as a phrase.
"""),
("code", r"""
KEY_TERMS = content.term.head(3).tolist()
pd.set_option("display.max_colwidth", 80)
lines = T.kwic(doc, KEY_TERMS[0], by="lemma", sort="left")
lines[["left", "keyword", "right", "para_id"]]
"""),
("code", r"""
if len(bigrams):
    phrase = bigrams.collocation.iloc[0]
    display(T.kwic(doc, phrase)[["left", "keyword", "right", "para_id"]])
"""),
("md", r"""
Regular expressions find families of words: `r"terror\w*"`, `r"\w+ism\b"`, `r"(?:said|says|told)"`.
"""),
("code", r"""
T.kwic(doc, r"\w+(?:ism|ist|ists)\b", by="regex")[["left", "keyword", "right", "para_id"]]
"""),
("md", r"""
## 7. Where the terms fall: dispersion
Each row is a term, each tick one occurrence, from the first word of the article (left) to the last
(right); grey lines mark paragraph starts. The first term is the top row. A term that clusters tells
you where the article *talks about* it; a term spread evenly is part of its frame.
"""),
("code", r"""
fig = plots.dispersion_plot(doc, KEY_TERMS + content.term.iloc[3:6].tolist())
save(fig, "02-dispersion", CHARTS);
"""),
("code", r"""
fig = plots.term_heatmap(doc, top=12)
save(fig, "02-term-heatmap", CHARTS);
"""),
("code", r"""
fig = plots.paragraph_lengths(doc)
save(fig, "02-paragraph-lengths", CHARTS);
"""),
("code", r"""
for name, table in {"terms": tf, "terms_phrases": phrases, "terms_collocations": bigrams,
                    "terms_tfidf": distinct, "terms_kwic": lines, "terms_summary": card}.items():
    save_table(table, name, TABLES)
"""),
("md", r"""
## What these measures show, and what they hide
* **Counts** show what the article names most, not what it *means*: "state" counts the verb *to state*
  and *United States* alike (lemmas merge forms, not senses), and *US* the country folds into *us*.
* **Removing stopwords** hides pronouns (*we*, *they*), modal verbs (*would*, *must*) and negation
  (*not*, *no*) — exactly where stance and who-does-what live. Look at both tables.
* **Collocations and TF-IDF** on one short article rest on counts of 2 or 3: read them as leads to check
  in the text (KWIC), not as findings.
* **Readability formulas** measure sentence and word length only; a translated, quote-heavy news text
  scores as "difficult" for reasons that have little to do with its ideas.
* Only the body is counted: the title, byline and boilerplate are left out.

## For discussion
1. Which proper nouns and adjectives dominate the counts (for the example article: *Afghanistan*,
   *CSTO*, *American*)? What do they say about how the story is framed, and whose point of view it takes?
2. What does removing stopwords hide? Find a sentence where *not*, *no* or *we* carries the meaning.
3. Pick a collocation and read its KWIC lines: is it the article's own phrase, or a phrase it quotes from
   an official statement? How can you tell?
"""),
]
build("notebooks/02-term-frequencies.ipynb", cells)
