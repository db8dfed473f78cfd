"""Helpers for the reader-facing tests (``tests/test_reader_*.py``).

They look at the built book the way readers get it: served over HTTP to a real,
headless Chromium, checked with axe-core and the Nu HTML Checker, and as EPUB and PDF.
"""
