"""The claims stage: triggers, argument frames, resolution, attributes, assembly."""
