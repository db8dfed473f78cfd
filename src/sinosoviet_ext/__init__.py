"""Sphinx extension for the Allies and Rivals book: dated timelines and Chicago citations."""

__version__ = "0.1.0"
