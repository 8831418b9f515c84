"""Quotations and who said them.

**Marks.** Quotation marks are paired in reading order within each line of a paragraph, whatever
their shape (“ ” " « » „), so a closing mark typed as an opening one (``purposes “.``) or glued
to the next word (``recognition, ”he stressed.“ We``) still closes its quote; inside a quotation
an opening mark of the other family (straight in curly, or the reverse) starts a quotation inside
the quotation, and a closing one (by its shape, or by its place for a straight mark) closes it
(``"We are ready,” he said``). A mark left open is closed at the end of its line or paragraph (the news convention for a
quotation running over paragraphs, whose next paragraph opens with a mark again); but when the
mark stands inside a sentence and the next paragraph does not open with a mark, it is an
unbalanced mark: the quotation ends with its sentence, and the narration after it is never
quoted. ``6'3"`` (inches) and the attribute values of markup left in a text (``<tweet
author="…">``) are not quotation marks.

**Speakers.** Each quotation's speaker is found by the first of these rules that applies, and the
rule is recorded in the ``how`` column:

1. ``tag_after`` — a speech tag right after the quotation: ``“…,” X said`` / ``“…,” said X`` /
   ``“…,” X, a long description, said`` / ``“…?” he asked`` (a tag that opens the next sentence
   after a ``?`` or ``!``, or is a sentence of its own) / ``“…” ― Karen Diaz`` / ``“…” for all of
   them, she said.`` After a quotation ending at a comma, ``?`` or ``!`` any verb counts, listed
   or not (``“…,” she quipped``), unless the quotation stands in a clause opening its sentence
   (``As they weigh X's “plan,” voters think …``).
2. ``according_to`` — ``according to X`` before the quotation or right after it.
3. ``colon`` — a name and a colon before the quotation, no verb: ``Jan Novak, the senator: “…”``;
   a paragraph ending in ``X said:`` before a paragraph that is a quotation.
4. ``tag_before`` — a speech verb earlier in the sentence: ``X said: “…”``, ``X said that “…”``,
   ``X, who …, said “…”``, ``X welcomed … but said …``, ``X is …, saying “…”``, ``X's claim that
   “…”``; the outermost finite speech verb speaks (``X said he expected voters will say “no”``)
   unless a later one has a clause of its own (``X suggested …, while Y said “…”``). A phrase of
   time or place before the verb is not its subject (``X on Friday said``), an infinitive takes the
   subject of the verb it depends on (``The letter goes on to say``), a passive gives its agent
   or no one (``has been called “…”``, ``a film called “…”``), an ``it`` that stands for no one
   (``it was “premature”``) is passed over, and so is the object of a verb (``X, who has endorsed
   Y, said``); a text speaks its own words (``a sign saying “…”``, ``the flyer reads, “…”``).
5. ``sentence_before`` — a quotation alone in its sentence after a sentence that reports speech.
6. ``continuation`` — a follow-on quotation with no tag of its own, in the same paragraph or
   opening the next one: the last speaker.
7. ``embedded`` — a quotation woven into the reporter's sentence (``X accused Y of … “…”``): the
   subject of the sentence's main verb (from ``doc.clauses`` when that layer exists).

The speaker's words are a noun phrase of the text (``speaker_start:speaker_end``). They are
resolved through the ``mentions`` layer: a name or role is its actor; a pronoun ("he", "who",
"she") takes the mentions layer's resolution (``how`` = ``pronoun``), else the last person named
before it — a bare pronoun is never the final speaker when the article names a person; "the
document" or "the statement" speaks for the organisation mentioned last (``how`` = ``document``);
any other noun phrase ("a spokesman for the ministry", "officials", "the report", "his office")
is a ``description`` speaker, linked to the actor it names ("the ministry", "his" → the person)
when there is one. Scare quotes and titles of one to three words (``partial``) get a speaker
only from a tag (rules 1–5), a tag shared with a later quotation of the same sentence, or the
actor whose verb governs them (``embedded``, when its subject names an actor).

Speech verbs come from ``analysis/data/speech_verbs.txt`` (extend with :func:`add_speech_verbs`).

>>> import analysis
>>> doc = analysis.annotate('T\\n\\nIranian Foreign Minister Reza Karimi spoke. “We are ready,” the minister said.')
>>> doc.quotes[["text", "speaker_id", "speaker_text", "cue", "how"]].values.tolist()
[['We are ready', 'reza-karimi', 'the minister', 'said', 'tag_after']]
"""

# the parts: marks (quotation marks and spans), speech_verbs (the lexicon), words (word lists),
# phrases (noun phrases and the actors they name), subjects (the subject of a speech verb),
# speakers (the rules in their documented order), table (the quoter and the frame), views
# (who_said_what, render_quotes)
from __future__ import annotations

from .speech_verbs import _read_verbs, _user_verbs, _verbs_cache, add_speech_verbs, load_speech_verbs, speech_verbs
from .table import HOW, KINDS, QUOTE_COLUMNS, TAG_RULES, _empty, _Quoter, quotes
from .views import _HTML, render_quotes, who_said_what

__all__ = ["HOW", "KINDS", "QUOTE_COLUMNS", "add_speech_verbs", "load_speech_verbs", "quotes", "render_quotes",
           "speech_verbs", "who_said_what"]
