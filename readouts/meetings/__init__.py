"""Meetings: every account of one encounter grouped together, reprints recognised, and accounts compared.

- ``text``: words, shingles and romanised names (pure).
- ``reprints``: MinHash fingerprints of readouts' texts; near-copies pointed to their original.
- ``grouping``: the rules that say two accounts tell of one meeting, applied to one imported readout
  (``group_readout``) or to the whole archive (``regroup_archive``); merging, splitting and moving for the admin.
- ``compare``: paragraphs aligned across accounts, what one account says that another does not, who is quoted.
"""
