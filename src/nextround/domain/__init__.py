"""Pure domain model and rules: standard library only."""
