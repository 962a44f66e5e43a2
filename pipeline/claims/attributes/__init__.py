"""Attributes of a claim from its trigger's clause: negation, modality, source, quantity, date."""
