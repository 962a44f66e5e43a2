"""sahel-claims: dated, attributed claims from news wire text about the Sahel."""

__version__ = "0.1.0"
