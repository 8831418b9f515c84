"""Time in the article: temporal expressions (TIMEX3) normalized against the publication date,
and the events they anchor.

Two layers:

* ``timexes(doc)``: one row per temporal expression, with its TimeML type (DATE, TIME,
  DURATION, SET), its normalized value and mod, e.g. "back in April" -> ``2021-04``,
  "in mid-July" -> ``2021-07`` with mod ``MID``, "two-day" -> ``P2D``, "now" -> ``PRESENT_REF``.
  Relative expressions are resolved against the publication date (the document creation time,
  DCT); a month or weekday without a year takes the occurrence that fits the verb's tense
  (Penn tags of the sentence's tokens), so what is reported in the past is never placed after
  publication. "two days later" is resolved against the last date the text gave. Without a
  publication date the unknown parts stay unknown (``XXXX-04``).
* ``events(doc)``: for each dated expression, the event it anchors (the governing verb or event
  noun as a lemma), the actors of that clause (from ``doc.mentions`` when the actors layer is
  installed) and a short summary, sorted chronologically; plus the article's own undated
  meeting, placed the day before publication, when the text reports one without a date.

The rules are hand-written regular expressions over general English vocabulary kept in
``analysis/data/temporal_en.yml``, after HeidelTime's approach (Strötgen & Gertz 2013).

>>> import analysis
>>> doc = analysis.annotate(analysis.from_text("Talks\\n\\nThe ministers met on Friday.", published="2021-09-16"))
>>> doc.timexes[["text", "type", "value"]].values.tolist()
[['Friday', 'DATE', '2021-09-10']]
"""

from __future__ import annotations

# The modules of the package, in the order the data flows:
#   patterns      the temporal vocabulary and the compiled rules
#   values        TIMEX3 value arithmetic (months, weeks, durations, value_range)
#   tense         the tense of the verb governing an expression
#   normalise     type, value and mod of a matched expression
#   expressions   finding the expressions: find_timexes and the timexes layer
#   tables        column and frame helpers shared by the layers
#   dated_events  the events layer
# Every name is re-exported here, so ``analysis.timeline.<name>`` keeps working.

from .patterns import vocabulary, _alt, _Patterns, _patterns, _trie  # noqa: F401
from .values import (  # noqa: F401
    value_range, _add_months, _duration, _number, _PART_HOUR, _SEASON_START, _unit_name, _week, _WORD_NUM
)
from .tense import _Tense, _Tenses  # noqa: F401
from .normalise import _Normalizer  # noqa: F401
from .expressions import (  # noqa: F401
    find_timexes, TIMEX_COLUMNS, timexes, TYPES, _accept, _MONTH_CONTEXT, _trim_clock_tz, _VERB_BEFORE,
    _windows, _YEAR_AFTER_BAD, _YEAR_BEFORE_BAD
)
from .tables import (  # noqa: F401
    _columns, _dates, _frame, _MentionLists, _mentions_or_none, _TOKEN_CACHE, _token_lists, _TokenLists
)
from .dated_events import (  # noqa: F401
    EVENT_COLUMNS, events, _AUX, _event_clause, _NO_DCT, _start_date, _summary, _trigger, _undated_meeting,
    _undated_meeting_at
)
