"""Readouts from publishers' web pages: fetching (fetching.py), main text and metadata (extraction.py), and
storing pages with every text they served (pages.py: new readouts, revisions, removals).

Nothing here parses readouts: a page's text goes through the same parser as any other text."""
