"""Gold files, matching and scores (SPEC sections 5 and 6)."""
