import sys; sys.path.insert(0, "tools")
from notebook_builder import build, parameter_cells
cells = [
("md", r"""
# 05 · Timeline: when did it happen, and in what order is it told?

**What you will learn:** how the package finds the time expressions of an article ("back in April",
"On June 16", "in mid-July", "Today", "two weeks ago"), turns each into a calendar value relative to the
publication date (the TimeML TIMEX3 standard), links each date to the event it anchors and to the actors
involved, and draws the events on a timeline — in the order they happened and in the order the article tells them.

**Time:** 30 minutes · **Level:** intermediate · **You need:** notebook 01 (tokens and tags), a little pandas
· **Libraries:** `analysis` (rules over regular expressions, Penn tags for tense, the actors layer), pandas, matplotlib
"""),
*parameter_cells("Change these to analyse another article. `PUBLISHED` matters here: every relative date is computed from it."),
("code", r"""
from pathlib import Path
import analysis
import analysis.plots
from analysis.export import save, save_table

doc = analysis.annotate(analysis.load_article(ARTICLE or analysis.SEED, published=PUBLISHED))
print(doc.title, "| published:", doc.published or "unknown",
      f"(from the {doc.meta['published_from']})" if doc.meta.get("published_from") else "")
if doc.meta.get("dateline"):
    d = doc.meta["dateline"]
    print(f"dateline: {d['text']!r} -> place {d['place']!r}, date {d['date_text']!r}")
"""),
("md", r"""
**Where the date comes from.** In order: `PUBLISHED` above (or `--published` on the command line), a `.yml`
file beside the article, the page's metadata, a short date line under the headline, or an *inline dateline*
that opens the first paragraph ("NAIROBI, 12 May 2023 — …", "WASHINGTON, May 12 (Reuters) - …"). A dateline
without a year gives no publication date. If none of these gives one, the article is **undated**: read on to see what that costs.
"""),
("md", r"""
## 1. Temporal expressions and their values
Each row is one expression. `type` is DATE, TIME, DURATION or SET; `value` is the TIMEX3 value:
`2021-04` a month, `2021-06-16` a day, `2021-W37` an ISO week, `2021-SU` a season, `199` the 1990s,
`P2D` a two-day duration, `PRESENT_REF` "now". `mod` says which part is meant (START, MID, END) or how
exact the amount is (APPROX, MORE_THAN …).

A month or a weekday without a year is placed using the **tense** of the nearest verb: something reported
in the past tense is never placed after the publication date; "will meet on Friday" is the next Friday.
"""),
("code", r"""
doc.timexes[["timex_id", "para_id", "text", "type", "value", "mod", "note"]]
"""),
("md", r"""
**Check it yourself.** Find each expression in its sentence. Is the value the one you would give?
The publication date is the anchor: change `PUBLISHED` above and run again — relative dates such as "in April" and "today" move with it.
Without a publication date, the unknown parts stay unknown (`XXXX-04`).
"""),
("code", r"""
sents = doc.sentences.set_index("sent_id")
for row in doc.timexes.itertuples():
    s = sents.loc[row.sent_id, "text"]
    print(f"{row.value or '?':>12}  {s[:110]}{'…' if len(s) > 110 else ''}")
"""),
("md", r"""
## 2. Events: what happened at each date, and who was involved
For each calendar date the package picks the event it anchors: an event noun next to it ("the summit on
June 16") or the nearest main verb of the clause (as a lemma), the actors of that clause (from the actors
layer, notebook 03) and the clause as a summary. When the lead reports a meeting without a date — as news
often does for "its own" event — the meeting is added the day before publication, marked in `note`.

The events placed on the calendar come first, in chronological order. Events whose date cannot be worked
out come last, in reading order, with `date` empty (`NaT`) and the reason in `anchor` — most often
`unresolved: no publication date`: "in April" is `XXXX-04` when we do not know which year the article was written in.
"""),
("code", r"""
doc.events[["event_id", "date", "value", "mod", "para_id", "trigger", "actors", "summary", "anchor"]]
"""),
("code", r"""
unplaced = doc.events[doc.events["date"].isna()]
if doc.published is None:
    print("This article has no publication date: only dates it gives in full can be placed.")
print(f"{len(unplaced)} of {len(doc.events)} events cannot be placed on the calendar")
unplaced[["event_id", "value", "para_id", "trigger", "summary", "anchor"]]
"""),
("md", r"""
## 3. The timeline
A day is a dot; a month, week or season is a bar over the days it covers, with the part that a mod names
(early, mid, late) drawn darker. A hollow dot is an event the text does not date. The dashed line is the
publication date. Events that cannot be placed are listed under the chart.
"""),
("code", r"""
fig = analysis.plots.timeline_chart(doc)
save(fig, "05-timeline", Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None)
fig
"""),
("md", r"""
## 4. Narrative order against chronological order
Paragraphs run left to right in reading order; the height of each point is the date of its event. A
straight rising line would be a chronicle. A zigzag shows the article moving back and forth in time:
news usually opens with the latest event and then goes back for the background.
"""),
("code", r"""
fig = analysis.plots.narrative_order(doc)
save(fig, "05-narrative-order", Path(EXPORT_DIR) / "charts" if EXPORT_DIR else None)
fig
"""),
("code", r"""
if EXPORT_DIR:
    save_table(doc.timexes, "timexes", Path(EXPORT_DIR) / "tables")
    save_table(doc.events, "events", Path(EXPORT_DIR) / "tables")
"""),
("md", r"""
## What this measures, and what it misses
* The rules were developed on the TimeBank and AQUAINT corpora (256 news documents annotated in TimeML):
  they find about 93% of the annotated expressions (relaxed F1 ≈ 92.6) and give the exact value for about
  84% of those (value F1 ≈ 77) — on a par with HeidelTime, the reference rule-based tagger, in a few milliseconds per article.
* Tense comes from a part-of-speech tagger, not a parser: a sentence that mixes "said" and "will" can
  put a weekday or a month in the wrong week or year. Check dates near the publication date.
* "Two days later" is computed from the last date the text gave, which is usually, not always, the right anchor.
* The event trigger is a guess from word order (the nearest main verb); the actors are all those named in
  the clause, not only the ones who acted.
* The undated meeting is a rule of thumb for news ("was held" with no date → the day before publication).
  Check it against another source.
* An undated article keeps its events, but only the dates it writes in full ("4 March 2019") can be placed.
  Find the publication date (the website, an archive) and set `PUBLISHED`: the timeline fills in.
* An inline dateline is found by its shape (capitalised place, comma, date, dash) at the start of the first
  paragraph only; a dateline elsewhere, or in another shape, is missed.

## For discussion
1. In what order does the article tell its events, and in what order did they happen? Why might a journalist open with the most recent one?
2. Which events are undated, or dated only vaguely ("recently", "in the past")? What does vagueness allow a writer to do?
3. What does "back in April" do rhetorically, compared with a plain "in April"? Which other phrases signal that the article is reaching into the past to frame the present?
4. Whose actions are given precise dates, and whose are left vague?
5. If the article had no date: which events could you still order, and how? What would a reader need to know to place "last week"?
"""),
]
build("notebooks/05-timeline.ipynb", cells)
