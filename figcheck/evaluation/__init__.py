"""Scoring figcheck against its gold corpora (``corpus/extract`` and ``corpus/check``)."""
