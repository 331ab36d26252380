"""Text preparation before prompting: repair, normalise and de-clutter an article while
keeping a map from every prepared character back to the original text.

Scraped articles carry mojibake (``"¬†"`` for a no-break space, ``"â€œ"`` for a curly
quote), irregular whitespace, duplicated bodies and boilerplate ("Baca juga:" headlines,
comment prompts, copyright footers, share widgets). Sending all that to a model costs
tokens and invites it to read a "Baca juga" headline as a visit. The prepared text is
what the model sees; evidence offsets are mapped back through :meth:`PreparedText.to_original`
so they still point into ``Article.text`` as scraped.

Modules: ``boilerplate`` (boilerplate lines and inline spans), ``prepare``
(:class:`PreparedText` and :func:`prepare_text`). The character repairs live in
:mod:`visit_extract.normalize.chars`, which the rules backend reads too.
"""

from visit_extract.backends.llm.textprep.boilerplate import is_boilerplate
from visit_extract.backends.llm.textprep.prepare import PreparedText, prepare_text

__all__ = ["PreparedText", "is_boilerplate", "prepare_text"]
