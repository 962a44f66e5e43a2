"""The gazetteer stage: Sahel actors and places linked to their Wikipedia ids."""
