"""Pure functions over ``Doc``/``Span``: the linguistics of sahel-claims (textacy style)."""
