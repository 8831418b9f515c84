import sys; sys.path.insert(0, "tools")
from notebook_builder import build, parameter_cells
cells = [
("md", r"""
# 04 · Stance and sentiment: who is for and against what, and how does it sound?

**What you will learn:** how two sentiment lexicons (TextBlob and VADER) score each sentence and paragraph,
which words move their scores and why they disagree; how to change a lexicon for one analysis; and how a
rule-based stance finder says *who* (holder) is *for or against* (stance) *what* (target), with the words that prove it.

**Time:** 45 minutes · **Level:** intermediate · **You need:** notebook 01 (tokens, sentences), a little pandas
· **Libraries:** `analysis` (TextBlob's PatternAnalyzer, vaderSentiment, the actors layer), pandas, matplotlib

**What exactly are we measuring?** *Sentiment* here is the tone of the words (is the vocabulary positive or
negative?), computed from a word list. *Stance* is a position someone takes toward something (SemEval-2016
Task 6: FAVOR / AGAINST / NONE). A sentence can be negative in tone and still report a neutral fact; a stance can be
expressed in neutral words ("spoke out against").
"""),
*parameter_cells(),
("code", r"""
from pathlib import Path
import pandas as pd
import analysis
from analysis import sentiment as sent, stance as st
from analysis.export import save, save_table
import analysis.plots as plots

pd.set_option("display.max_colwidth", 90)
doc = analysis.annotate(analysis.load_article(ARTICLE or analysis.SEED, published=PUBLISHED))
charts = Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None
tables = Path(EXPORT_DIR) / "tables" if EXPORT_DIR else None
doc
"""),
("md", r"""
## 1. Two lexicons, three levels
`doc.sentiment` has one row for the whole article, one per paragraph and one per sentence. The numbers are exactly
what the libraries return for that row's `text`:

* **TextBlob** `polarity` (−1…+1) is the *mean* of the polarity of the adjectives and adverbs it knows; `subjectivity`
  (0…1) the mean of their subjectivity. Words it does not know are ignored.
* **VADER** `compound` (−1…+1) is the *sum* of word valences (−4…+4) after negation ("not good"), boosters ("very")
  and "but", squashed by x/√(x²+15); `pos`, `neu`, `neg` are the shares of positive, neutral and negative words.
"""),
("code", r"""
scores = doc.sentiment
save_table(scores, "04-sentiment", tables)
scores[scores.level != "sentence"].drop(columns=["text", "start", "end"]).round(3)
"""),
("code", r"""
fig = plots.sentiment_arc(doc)
save(fig, "04-sentiment-arc", charts)
fig
"""),
("code", r"""
fig = plots.sentence_strip(doc)
save(fig, "04-sentence-strip", charts)
fig
"""),
("md", r"""
## 2. Where do the two lexicons disagree, and why?
The sentences where the two scores point in opposite directions (or one is zero and the other is not) are where to look.
"""),
("code", r"""
s = scores[scores.level == "sentence"].copy()
s["gap"] = (s.textblob_polarity - s.vader_compound).abs()
s.sort_values("gap", ascending=False)[["sent_id", "para_id", "textblob_polarity", "vader_compound", "text"]].head(5).round(2)
"""),
("md", r"""
## 3. Explain a paragraph: the words that moved each score
`explain(doc, para_id=…)` lists every lexicon word in the paragraph with its contribution: TextBlob's assessments
(a negation or modifier is joined to its word, e.g. *"not bad"*) and VADER's valence after negation and boosters.
TextBlob knows few nouns, VADER many: *threat*, *terrorists*, *destructive* weigh heavily in VADER.
"""),
("code", r"""
worst = int(scores[scores.level == "paragraph"].sort_values("vader_compound").para_id.iloc[0])
why = sent.explain(doc, para_id=worst)
save_table(why, "04-explain-paragraph", tables)
why[["lexicon", "text", "words", "score", "lexicon_score", "negated"]]
"""),
("code", r"""
fig = plots.explain_paragraph(doc, worst)
save(fig, "04-explain-paragraph", charts)
fig
"""),
("md", r"""
### TextBlob and "n't"
TextBlob's tokenizer cuts *isn't* into *is n ' t*, so the negation is lost: *"isn't a bad idea"* scores like
*"is a bad idea"*. VADER reads *n't* as a negation. The package keeps TextBlob's own number in `textblob_polarity`
and adds `textblob_polarity_negfix`, TextBlob's polarity after rewriting *n't* as *not*.
"""),
("code", r"""
pd.DataFrame([sent.score_text(t) for t in ["It is a bad idea.", "It isn't a bad idea.", "It is not a bad idea."]],
             index=["is", "isn't", "is not"])[["textblob_polarity", "textblob_polarity_negfix", "vader_compound"]].round(3)
"""),
("md", r"""
## 4. Change a lexicon for one analysis
Neither lexicon knows the diplomatic word *unacceptable*. Give it a value for one block of code; the installed lexicon
files are never touched, and everything is back to normal after the `with` block (`sent.reset_lexicons()` does the same
for `sent.override_lexicon(...)`). A value that is not a number is refused with a message naming the word.
"""),
("code", r"""
sentence = "It is unacceptable to deploy foreign troops."
before = sent.score_text(sentence)
with sent.lexicon_override("textblob", {"unacceptable": -0.8}), sent.lexicon_override("vader", {"unacceptable": -2.5}):
    during = sent.score_text(sentence)
after = sent.score_text(sentence)
pd.DataFrame([before, during, after], index=["before", "with override", "after"])[["textblob_polarity", "vader_compound"]]
"""),
("code", r"""
try:
    sent.override_lexicon("vader", {"unacceptable": "very bad"})
except analysis.InputError as err:
    print("refused:", err)
"""),
("md", r"""
## 5. Sentiment around actors (a first, transparent method)
For each actor mention, both lexicons score the *clause* around it (the sentence cut at `; : ( )`, dashes, quotes and
conjunctions such as *but, while, which*). This is the tone of the words near the actor, not what the writer thinks of
it: "X condemned the attack" sounds negative around X. Empty if the actors layer is not installed.
"""),
("code", r"""
near = sent.actor_sentiment_summary(doc)
save_table(near, "04-actor-sentiment", tables)
near.round(2).head(12)
"""),
("md", r"""
## 6. Stance: holder, target, cue
`doc.stance` has one row per stance cue (from `analysis/data/stance_cues.yml`): the **holder** (grammatical subject,
quote speaker, or the body named after "on behalf of"), the **target** (the phrase after the cue), the **stance**,
the **cue** as written, and whether it is **negated** ("would not agree with" → against) or **hedged** ("probably").
`holder_from` says which rule found the holder.
"""),
("code", r"""
stances = doc.stance
save_table(stances, "04-stance", tables)
stances[["para_id", "holder", "holder_from", "stance", "cue", "negated", "hedged", "target"]]
"""),
("code", r"""
fig = plots.stance_matrix_chart(doc)
save(fig, "04-stance-matrix", charts)
fig
"""),
("md", r"""
### Check the evidence
Every row keeps its sentence; the cue's offsets point into the article.
"""),
("code", r"""
for row in stances.head(3).itertuples():
    print(f"[{row.stance}] {row.holder} — {row.cue!r} → {row.target}\n    {row.evidence}\n")
"""),
("md", r"""
### Add your own cue
The cue list is data. Add a cue for this session (an unknown stance label is refused), then reset.
"""),
("code", r"""
st.add_cues([{"cue": "look askance at", "stance": "against"}])
print(st.cue_lexicon().tail(3))
st.reset_cues()
"""),
("md", r"""
## What this misses
* Both lexicons were built for reviews and social media, not diplomacy: *unacceptable*, *concern*, *categorically*
  carry little or no weight, while *Security* (in "Security Council") counts as positive for VADER.
* The stance rules read one sentence at a time with part-of-speech patterns, not a parser: long subjects, passive
  voice ("was rejected by …") and stances implied without a cue word are missed; targets are cut at the first comma.
* Pronouns are resolved to the latest earlier subject, which can be wrong.

## For discussion
1. Where do the two lexicons disagree, and why? Look at the explanation of that paragraph.
2. Is "concern" sentiment or stance? The package counts "expressed concern about X" as a stance *against* X — do you agree?
3. Whose stances does the article report, and whose does it leave out (in the example article: the Taliban? Afghan citizens? the United States)?
4. Does a negative VADER score mean the *reporting* is negative, or that the *events* are?
"""),
]
build("notebooks/04-stance-and-sentiment.ipynb", cells)
