"""Parsing layer of the importer: raw readout text in, structured readout out. Pure Python, no Django."""

from .pipeline import parse_readout
from .types import Kind, ParsedParagraph, ParsedParticipant, ParsedReadout, ParseError

__all__ = ["parse_readout", "ParsedReadout", "ParsedParticipant", "ParsedParagraph", "ParseError", "Kind"]
