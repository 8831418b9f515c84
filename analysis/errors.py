"""Errors the package raises on purpose.

``InputError`` is for anything wrong with what the user gave us (a missing file, an empty
article, an impossible date, a malformed gazetteer). It subclasses ``ValueError`` so plain
``except ValueError`` code keeps working. The CLI turns it into one line on stderr starting
with ``error:`` and exit status 2; anything else is an internal error (exit status 1).
"""


class InputError(ValueError):
    """Bad input from the user: the message says what is wrong and what is allowed."""


class InputWarning(UserWarning):
    """Input was usable but not clean (a guessed encoding, an unbalanced quote, ...)."""
