"""The sentences stage: boundaries the parser then respects."""
