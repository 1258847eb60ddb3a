"""Language data the parser uses, kept as data: month names, speech cues, titles, bullets,
boilerplate markers and thresholds, in English and Hindi.

How it is organised:

- One module per field: `scripts` (character ranges, digits, sentence punctuation), `dates`,
  `bylines` (bylines and datelines), `title`, `header_scorer` (the fitted scorer's features),
  `highlights` (bullets and highlights), `boilerplate` (with press-office footers), `speech`
  (verbs and cues, titles and roles, pronouns, where a name or a sentence ends, subject
  phrases), `quotes` (quotation marks), `posts` (embedded posts), `inputs` (input policy),
  `curation` (scoring against annotations). A `# --- Section: topic ---` header groups
  entries inside a module.
- Every entry has its reason in the comment right above it: what convention of press pages it
  stands for, and for a threshold what a value past it means. One comment may cover a few
  entries that belong together; it names them.
- By language: English and Hindi entries of one rule stand side by side, English first and
  prefixed EN_, Hindi HI_ (EN_TITLES / HI_TITLES, EN_PRONOUNS / HI_PRONOUNS); an entry with
  neither prefix holds both scripts or none (a count, a length, a mark).
- Thresholds are named for what they bound (..._MAX_WORDS, ..._MIN_ITEMS, ..._MAX_CHARS,
  ..._REACH for a distance in characters).

This package gives every entry by its name, whichever module holds it (`from .. import rules`,
then `rules.EN_MONTHS`): the parser reads `rules.X`, so an entry can move between modules
without its readers changing, and no two modules may hold one name.

Nothing in this package decides on its own: the parser modules (`segment`, `extract.*`,
`header`) compile what they need from it; the few functions here (`is_devanagari`,
`has_devanagari`, in `scripts`) test characters. A rule that exists for one document's strings
does not belong here; every entry must describe a general convention of press pages.
"""

from .boilerplate import *  # noqa: F403
from .bylines import *  # noqa: F403
from .curation import *  # noqa: F403
from .dates import *  # noqa: F403
from .header_scorer import *  # noqa: F403
from .highlights import *  # noqa: F403
from .inputs import *  # noqa: F403
from .posts import *  # noqa: F403
from .quotes import *  # noqa: F403
from .scripts import *  # noqa: F403
from .speech import *  # noqa: F403
from .title import *  # noqa: F403
