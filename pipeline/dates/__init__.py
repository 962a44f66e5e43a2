"""The dates stage: temporal expressions found and normalised (SPEC section 3)."""
